extension Segment {
    /// The content as text and codes, in order. A plain segment is one text piece (or none).
    public var pieces: [InlinePiece] {
        guard let markup else { return text.isEmpty ? [] : [.text(text)] }
        return InlineMarkupScanner.pieces(of: markup)
    }

    /// The inline codes alone, in order.
    public var codes: [InlineCode] {
        pieces.compactMap { if case .code(let code) = $0 { code } else { nil } }
    }
}

/// Splits Kioku's TMX inline markup into text and codes.
enum InlineMarkupScanner {
    static func pieces(of markup: String) -> [InlinePiece] {
        var pieces: [InlinePiece] = []
        var text = ""
        var rest = markup[...]
        func flushText() {
            if !text.isEmpty { pieces.append(.text(text)); text = "" }
        }
        while let lt = rest.firstIndex(of: "<") {
            text += XMLEscaping.unescape(rest[..<lt])
            guard let gt = rest[lt...].firstIndex(of: ">") else { rest = rest[lt...]; break }
            let tag = rest[rest.index(after: lt)..<gt]
            let afterTag = rest.index(after: gt)
            if tag.hasPrefix("/") {  // the end of a <hi>: codes are consumed whole below
                flushText()
                pieces.append(.code(InlineCode(role: .closing, element: "hi", pair: nil, x: nil,
                                               markup: String(rest[lt..<afterTag]), native: "")))
                rest = rest[afterTag...]
                continue
            }
            let empty = tag.hasSuffix("/")
            let (name, attributes) = XMLEscaping.parseTag(empty ? tag.dropLast() : tag)
            flushText()
            if name == "hi" {
                pieces.append(.code(InlineCode(role: .opening, element: "hi", pair: nil, x: attributes["x"],
                                               markup: String(rest[lt..<afterTag]), native: "")))
                rest = rest[afterTag...]
                continue
            }
            // A code element: its content (native code, maybe with <sub>) runs to its own end tag.
            var end = afterTag
            var inner = ""
            if !empty {
                let closing = "</\(name)>"
                let found = rest[afterTag...].firstRange(of: closing)
                inner = String(rest[afterTag..<(found?.lowerBound ?? rest.endIndex)])
                end = found?.upperBound ?? rest.endIndex
            }
            // An <it> is isolated: its partner lies outside the segment.
            let role: InlineCode.Role = switch name {
            case "bpt": .opening
            case "ept": .closing
            default: .isolated
            }
            let native = XMLEscaping.unescape(inner.replacing(/<\/?sub[^>]*>/, with: "")[...])
            pieces.append(.code(InlineCode(role: role, element: name, pair: attributes["i"],
                                           x: attributes["x"], markup: String(rest[lt..<end]), native: native)))
            rest = rest[end...]
        }
        text += XMLEscaping.unescape(rest)
        flushText()
        return pieces
    }
}
