/// Writing a pre-translated copy: the original bytes with each filled segment's target,
/// candidates and notes patched in, nothing else touched.
extension JobDocument {
    /// One replacement of the original bytes (an insertion when the range is empty).
    struct Patch {
        var range: Range<Int>
        var text: String
    }

    /// Writes the document with `fills` (by segment index) applied to `path`, through a
    /// temporary file renamed into place (`-` writes to standard output).
    public func write(fills: [Int: SegmentFill], to path: String) throws(FormatError) {
        let output = try TextOutput(path: path)
        try output.write(patched(fills: fills))
        try output.close()
    }

    /// The document's text with `fills` applied.
    public func patched(fills: [Int: SegmentFill]) -> String {
        var patches: [Patch]
        switch places {
        case .xliff12(let places): patches = xliff12Patches(fills, places)
        case .xliff20(let places, let units): patches = xliff20Patches(fills, places, units)
        case .po(let catalog): patches = poPatches(fills, catalog)
        }
        patches = patches.enumerated().sorted { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }.map(\.element)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + patches.reduce(0) { $0 + $1.text.utf8.count })
        var cursor = 0
        for patch in patches where patch.range.lowerBound >= cursor {
            out += bytes[cursor..<patch.range.lowerBound]
            out += patch.text.utf8
            cursor = patch.range.upperBound
        }
        out += bytes[cursor...]
        var text = String(decoding: out, as: UTF8.self)
        // The copy is written in UTF-8, whatever the original's encoding was: its declaration says so.
        // The value runs to the quote that opened it (`"'UTF-8"` is one odd name, not an empty one).
        if decoded, let end = text.firstRange(of: "?>"), text.hasPrefix("<?xml"),
           let match = text[..<end.lowerBound].firstMatch(of: /encoding\s*=\s*(?:"([^"]*)"|'([^']*)')/),
           let value = match.1 ?? match.2 {
            text.replaceSubrange(value.startIndex..<value.endIndex, with: "UTF-8")
        }
        return text
    }

    /// The XML of a filled target's content: text escaped, codes as the job source wrote them.
    static func xml(_ pieces: [InlinePiece]) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): XMLEscaping.escape(text)
            case .code(let code): code.native
            }
        }.joined()
    }
}
