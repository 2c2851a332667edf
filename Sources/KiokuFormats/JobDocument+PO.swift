/// A filled PO entry: msgstr (every form of a plural entry), `#, fuzzy` when the match needs
/// review, and Kioku's translator comments (score, origin, other candidates, notes).
extension JobDocument {
    func poPatches(_ fills: [Int: SegmentFill], _ catalog: POCatalog) -> [Patch] {
        var patches: [Patch] = []
        for (index, fill) in fills {
            let entry = catalog.entries[segments[index].place]
            patches.append(Patch(range: entry.range, text: Self.poEntry(entry, fill, bytes: bytes, endsFile: entry.range.upperBound == bytes.count)))
        }
        return patches
    }

    /// The entry rewritten: Kioku's comments replaced, flags and msgstr as the fill says; the
    /// msgctxt/msgid lines as they were. `endsFile` keeps a file without a final line break so;
    /// an entry written with `\r\n` line ends (Poedit on Windows) keeps them.
    static func poEntry(_ entry: POEntry, _ fill: SegmentFill, bytes: [UInt8], endsFile: Bool) -> String {
        let lines = poEntryLines(entry, fill, bytes: bytes)
        let crlf = bytes[entry.range].firstIndex(of: 0x0A).map { $0 > entry.range.lowerBound && bytes[$0 - 1] == 0x0D } ?? false
        var text = crlf ? lines.generated.replacing("\n", with: "\r\n") : lines.generated
        text += lines.kept
        text += crlf ? lines.after.replacing("\n", with: "\r\n") : lines.after
        if endsFile, bytes.last != 0x0A { text.removeLast() }
        return text
    }

    /// The entry's text in three parts: what Kioku writes before the keys (comments, flags), the
    /// original bytes it keeps (the keys, or the rest of an entry not filled), and what it writes after.
    private static func poEntryLines(_ entry: POEntry, _ fill: SegmentFill, bytes: [UInt8]) -> (generated: String, kept: String, after: String) {
        let isTranslator = { (line: String) in line.hasPrefix("# ") || line == "#" }
        var translator = entry.comments.filter { isTranslator($0) && !$0.hasPrefix(poCommentPrefix) }
        var flags = entry.flags
        var others = entry.comments.filter { !isTranslator($0) && !$0.hasPrefix("#,") }
        if fill.fills {
            translator.append(poCommentPrefix + "\(fill.score)% match" + (fill.origin.map { " from \(oneLine($0))" } ?? "")
                              + (fill.quality == .adapted ? ", numbers adapted" : ""))
            flags.removeAll { $0 == "fuzzy" }
            if fill.quality.needsReview { flags.insert("fuzzy", at: 0) }
            others.removeAll { $0.hasPrefix("#|") }  // the previous msgid of an old fuzzy match no longer applies
        }
        for candidate in fill.candidates.dropFirst(fill.fills ? 1 : 0) {
            translator.append(poCommentPrefix + "\(candidate.score)% match" + (candidate.origin.map { " from \(oneLine($0))" } ?? "")
                              + ": " + oneLine(candidate.storedTarget.text))
        }
        translator += fill.notes.map { poCommentPrefix + oneLine($0) }
        // gettext's order: translator, extracted and reference comments, flags, previous msgid.
        let extracted = others.filter { $0.hasPrefix("#.") || $0.hasPrefix("#:") }
        let previous = others.filter { !($0.hasPrefix("#.") || $0.hasPrefix("#:")) }
        var text = (translator + extracted).map { $0 + "\n" }.joined()
        if !flags.isEmpty { text += "#, " + flags.joined(separator: ", ") + "\n" }
        text += previous.map { $0 + "\n" }.joined()
        guard fill.fills else {
            return (text, String(decoding: bytes[entry.keys.lowerBound..<entry.range.upperBound], as: UTF8.self), "")
        }
        var after = ""
        if let forms = fill.pluralTargets ?? (entry.msgidPlural == nil ? nil : firstForm(fill, of: entry)) {
            for (number, form) in forms.enumerated() { after += POString.lines("msgstr[\(number)]", form) }
        } else {
            after += POString.lines("msgstr", fill.target?.plainText ?? "")
        }
        return (text, String(decoding: bytes[entry.keys], as: UTF8.self), after)
    }

    /// A plural entry filled with one text: it goes into `msgstr[0]`, the other forms stay as they were.
    static func firstForm(_ fill: SegmentFill, of entry: POEntry) -> [String] {
        var forms = entry.msgstr
        forms[0] = fill.target?.plainText ?? forms[0]
        return forms
    }

    /// Marks the translator comments Kioku writes (and replaces on the next run).
    static let poCommentPrefix = "# kioku: "

    static func oneLine(_ text: String) -> String {
        text.replacing("\r\n", with: " ").replacing("\n", with: " ")
    }
}
