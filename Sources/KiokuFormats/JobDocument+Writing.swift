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
        // The copy is written in UTF-8, whatever the original's encoding was.
        if let declaration = text.firstMatch(of: /^<\?xml[^>]*encoding=["']([^"']+)["']/), !UTF8Stream.isUTF8Compatible(String(declaration.1)) {
            text.replaceSubrange(declaration.1.startIndex..<declaration.1.endIndex, with: "UTF-8")
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

    // MARK: XLIFF 1.2

    private func xliff12Patches(_ fills: [Int: SegmentFill], _ places: [XLIFF12Place]) -> [Patch] {
        var patches: [Patch] = []
        for (index, fill) in fills {
            let place = places[segments[index].place]
            let indent = place.indent
            var text = ""
            var range = place.target ?? place.sourceEnd..<place.sourceEnd
            if let target = fill.target {
                var attributes = place.targetAttributes.filter { !["state", "state-qualifier"].contains($0.name) }
                attributes.append(XMLAttribute(name: "state", value: fill.quality == .contextMatch ? "translated" : "needs-review-translation"))
                attributes.append(XMLAttribute(name: "state-qualifier", value: Self.stateQualifier(fill.quality)))
                text += (place.target == nil ? indent : "") + XMLEscaping.startTag("target", attributes) + Self.xml(target) + "</target>"
            } else if let existing = place.target {
                range = existing.upperBound..<existing.upperBound
            }
            for candidate in fill.candidates {
                var attributes = [XMLAttribute(name: "match-quality", value: String(candidate.score))]
                if let origin = candidate.origin { attributes.append(XMLAttribute(name: "origin", value: origin)) }
                let source = candidate.placed.map { Self.xml($0.source) } ?? XLIFFInlineCodes.content(of: candidate.source)
                let target = candidate.placed.map { Self.xml($0.target) } ?? XLIFFInlineCodes.content(of: candidate.storedTarget)
                text += indent + XMLEscaping.startTag("alt-trans", attributes)
                    + "<source>" + source + "</source>"
                    + "<target>" + target + "</target></alt-trans>"
            }
            for note in fill.notes {
                text += indent + XMLEscaping.startTag("note", [XMLAttribute(name: "from", value: "kioku"), XMLAttribute(name: "annotates", value: "target")])
                    + XMLEscaping.escape(note) + "</note>"
            }
            patches.append(Patch(range: range, text: text))
        }
        return patches
    }

    /// XLIFF 1.2's word for how a target came about (a context match is an exact match whose
    /// `state` is `translated` rather than `needs-review-translation`).
    static func stateQualifier(_ quality: SegmentFill.Quality) -> String {
        switch quality {
        case .contextMatch, .exactMatch: "exact-match"
        case .fuzzyMatch: "fuzzy-match"
        case .adapted: "leveraged-tm"
        }
    }

    // MARK: XLIFF 2.0

    private func xliff20Patches(_ fills: [Int: SegmentFill], _ places: [XLIFF20Place], _ units: [XLIFF20Unit]) -> [Patch] {
        var patches: [Patch] = []
        var matches: [Int: String] = [:]  // unit → its <mtc:match> elements
        var notes: [Int: String] = [:]
        var usedIDs = units.map(\.segmentIDs)
        for (index, fill) in fills.sorted(by: { $0.key < $1.key }) {
            let place = places[segments[index].place]
            let unit = units[place.unit]
            var segmentAttributes = place.segmentAttributes
            var id = segmentAttributes.value("id")
            if id == nil, !fill.candidates.isEmpty {
                var number = 1
                while usedIDs[place.unit].contains("s\(number)") { number += 1 }
                id = "s\(number)"
                usedIDs[place.unit].insert("s\(number)")
                segmentAttributes.append(XMLAttribute(name: "id", value: "s\(number)"))
            }
            if fill.target != nil {
                segmentAttributes.removeAll { $0.name == "state" || $0.name == "subState" }
                segmentAttributes.append(XMLAttribute(name: "state", value: fill.quality.needsReview ? "initial" : "translated"))
            }
            if segmentAttributes != place.segmentAttributes {
                patches.append(Patch(range: place.segmentTag, text: XMLEscaping.startTag("segment", segmentAttributes)))
            }
            if let target = fill.target {
                let content = XMLEscaping.startTag("target", place.targetAttributes) + Self.xml(target) + "</target>"
                if let existing = place.target {
                    patches.append(Patch(range: existing, text: content))
                } else {
                    patches.append(Patch(range: place.sourceEnd..<place.sourceEnd, text: place.indent + content))
                }
            }
            let inner = unit.indent.isEmpty ? "" : unit.indent + "  "
            for (number, candidate) in fill.candidates.enumerated() {
                var attributes = [XMLAttribute(name: "ref", value: "#" + (id ?? ""))]
                attributes.append(XMLAttribute(name: "similarity", value: String(min(candidate.score, 100))))
                if let origin = candidate.origin { attributes.append(XMLAttribute(name: "origin", value: origin)) }
                let prefix = "k\(index)m\(number + 1)c"
                let source = candidate.placed.map { Self.xml($0.source) } ?? XLIFF20InlineCodes.content(of: candidate.source, prefix: prefix + "s")
                let target = candidate.placed.map { Self.xml($0.target) } ?? XLIFF20InlineCodes.content(of: candidate.storedTarget, prefix: prefix)
                matches[place.unit, default: ""] += inner + XMLEscaping.startTag("mtc:match", attributes)
                    + "<source>" + source + "</source>"
                    + "<target>" + target + "</target></mtc:match>"
            }
            for note in fill.notes {
                notes[place.unit, default: ""] += inner + XMLEscaping.startTag("note", [
                    XMLAttribute(name: "category", value: "kioku"), XMLAttribute(name: "appliesTo", value: "target"),
                ]) + XMLEscaping.escape(note) + "</note>"
            }
        }
        for (unitIndex, elements) in matches {
            let unit = units[unitIndex]
            patches.append(Patch(range: unit.contentStart..<unit.contentStart,
                                 text: unit.indent + "<mtc:matches xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\">" + elements
                                    + unit.indent + "</mtc:matches>"))
        }
        for (unitIndex, elements) in notes {
            let unit = units[unitIndex]
            if let end = unit.notesEnd {
                patches.append(Patch(range: end..<end, text: elements))
            } else {
                patches.append(Patch(range: unit.coreStart..<unit.coreStart,
                                     text: "<notes>" + elements + unit.indent + "</notes>" + unit.indent))
            }
        }
        return patches
    }

    // MARK: PO

    private func poPatches(_ fills: [Int: SegmentFill], _ catalog: POCatalog) -> [Patch] {
        var patches: [Patch] = []
        for (index, fill) in fills {
            let entry = catalog.entries[segments[index].place]
            var translator = entry.comments.filter { $0.hasPrefix("# ") || $0 == "#" }.filter { !$0.hasPrefix(Self.poCommentPrefix) }
            var flags = entry.flags
            var others = entry.comments.filter { !($0.hasPrefix("# ") || $0 == "#") && !$0.hasPrefix("#,") }
            let filled = fill.fills
            if filled {
                translator.append(Self.poCommentPrefix + "\(fill.score)% match" + (fill.origin.map { " from \(Self.oneLine($0))" } ?? "")
                                  + (fill.quality == .adapted ? ", numbers adapted" : ""))
                flags.removeAll { $0 == "fuzzy" }
                if fill.quality.needsReview { flags.insert("fuzzy", at: 0) }
                others.removeAll { $0.hasPrefix("#|") }  // the previous msgid of an old fuzzy match no longer applies
            }
            for candidate in fill.candidates where !(filled && candidate == fill.candidates.first) {
                translator.append(Self.poCommentPrefix + "\(candidate.score)% match" + (candidate.origin.map { " from \(Self.oneLine($0))" } ?? "")
                                  + ": " + Self.oneLine(candidate.storedTarget.text))
            }
            translator += fill.notes.map { Self.poCommentPrefix + Self.oneLine($0) }
            let extracted = others.filter { $0.hasPrefix("#.") || $0.hasPrefix("#:") }
            let previous = others.filter { !($0.hasPrefix("#.") || $0.hasPrefix("#:")) }
            var text = (translator + extracted).map { $0 + "\n" }.joined()
            if !flags.isEmpty { text += "#, " + flags.joined(separator: ", ") + "\n" }
            text += previous.map { $0 + "\n" }.joined()
            if filled {
                text += String(decoding: bytes[entry.keys], as: UTF8.self)
                if let forms = fill.pluralTargets ?? (entry.msgidPlural == nil ? nil : Self.firstForm(fill, of: entry)) {
                    for (number, form) in forms.enumerated() { text += POString.lines("msgstr[\(number)]", form) }
                } else {
                    text += POString.lines("msgstr", fill.target.map(Self.plainText) ?? "")
                }
            } else {
                let lastComment = entry.keys.lowerBound
                text += String(decoding: bytes[lastComment..<entry.range.upperBound], as: UTF8.self)
                if !text.hasSuffix("\n") { text += "\n" }
            }
            var range = entry.range
            if text.hasSuffix("\n"), range.upperBound > 0, range.upperBound == bytes.count, bytes.last != 0x0A { text.removeLast() }
            if range.isEmpty { range = entry.range }
            patches.append(Patch(range: range, text: text))
        }
        return patches
    }

    /// A plural entry filled with one text: it goes into `msgstr[0]`, the other forms stay as they were.
    static func firstForm(_ fill: SegmentFill, of entry: POEntry) -> [String] {
        var forms = entry.msgstr
        forms[0] = fill.target.map(plainText) ?? forms[0]
        return forms
    }

    /// Marks the translator comments Kioku writes (and replaces on the next run).
    static let poCommentPrefix = "# kioku: "

    static func oneLine(_ text: String) -> String {
        text.replacing("\r\n", with: " ").replacing("\n", with: " ")
    }

    static func plainText(_ pieces: [InlinePiece]) -> String {
        pieces.map { if case .text(let text) = $0 { text } else { "" } }.joined()
    }
}
