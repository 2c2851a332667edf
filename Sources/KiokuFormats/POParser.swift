/// Reads PO entries line by line, strictly: every string quoted and every escape known.
struct POParser {
    let path: String
    let bytes: [UInt8]

    private enum Field { case msgctxt, msgid, msgidPlural, msgstr(Int) }

    /// An entry being read.
    private struct Draft {
        var start: Int
        var comments: [String] = []
        var msgctxt: String?
        var msgid: String?
        var msgidPlural: String?
        var msgstr: [Int: String] = [:]
        /// Whether the forms were written `msgstr[N]` (a plural entry) rather than `msgstr`.
        var indexed = false
        var line = 0
        var keysStart: Int?
        var keysEnd: Int?
        var end: Int
        var field: Field?

        mutating func append(_ value: String) {
            switch field {
            case .msgctxt?: msgctxt = (msgctxt ?? "") + value
            case .msgid?: msgid = (msgid ?? "") + value
            case .msgidPlural?: msgidPlural = (msgidPlural ?? "") + value
            case .msgstr(let index)?: msgstr[index, default: ""] += value
            case nil: break
            }
        }
    }

    mutating func entries() throws(FormatError) -> [POEntry] {
        var entries: [POEntry] = []
        var draft: Draft?
        var offset = 0
        var lineNumber = 0
        if bytes.contains(0) {
            throw .badEncoding(SourceLocation(file: path, line: 1), "a NUL byte (this is not a PO text file)")
        }
        while offset < bytes.count {
            lineNumber += 1
            let end = bytes[offset...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            // The line without its ending, cut by bytes: in Swift "\r\n" is one character, which
            // `hasSuffix("\n")` does not see.
            var stop = end
            if stop > offset, bytes[stop - 1] == 0x0A { stop -= 1 }
            if stop > offset, bytes[stop - 1] == 0x0D { stop -= 1 }
            guard let line = String(validating: bytes[offset..<stop], as: UTF8.self) else {
                throw .badEncoding(SourceLocation(file: path, line: lineNumber), "the line is not valid UTF-8")
            }
            let at = SourceLocation(file: path, line: lineNumber)
            let trimmed = line.trimmingWhitespace()
            defer { offset = end }
            if trimmed.isEmpty || trimmed.hasPrefix("#~") {
                // A blank line ends an entry; obsolete entries stay in the file as they are.
                if let finished = draft { entries.append(try finish(finished, at: at)); draft = nil }
                continue
            }
            if trimmed.hasPrefix("#") {
                if let current = draft, current.msgid != nil {
                    entries.append(try finish(current, at: at))
                    draft = nil
                }
                if draft == nil { draft = Draft(start: offset, end: end) }
                draft?.comments.append(line)
                draft?.end = end
                continue
            }
            if trimmed.hasPrefix("\"") {
                guard draft?.field != nil else { throw .invalidTable(at, "a string that continues no msgid or msgstr") }
                let value = try unquote(trimmed[...], at: at)
                draft?.append(value)
                draft?.end = end
                continue
            }
            let keyword = trimmed.prefix { !$0.isWhitespace && $0 != "\"" }
            let rest = trimmed[keyword.endIndex...]
            let field: Field
            switch keyword {
            case "msgctxt": field = .msgctxt
            case "msgid": field = .msgid
            case "msgid_plural": field = .msgidPlural
            case "msgstr": field = .msgstr(0)
            default:
                if let match = keyword.wholeMatch(of: /msgstr\[(\d+)\]/), let index = Int(match.1), index < 32 {
                    field = .msgstr(index)
                    draft?.indexed = true
                } else {
                    throw .invalidTable(at, "\"\(keyword)\" is not a PO keyword (msgctxt, msgid, msgid_plural, msgstr, msgstr[N])")
                }
            }
            let value = try unquote(rest, at: at)
            // msgctxt or msgid after a msgstr starts the next entry.
            if case .msgctxt = field, let current = draft, current.msgid != nil { entries.append(try finish(current, at: at)); draft = nil }
            if case .msgid = field, let current = draft, current.msgid != nil { entries.append(try finish(current, at: at)); draft = nil }
            if draft == nil { draft = Draft(start: offset, end: end) }
            guard var current = draft else { continue }
            switch field {
            case .msgctxt, .msgid:
                if current.keysStart == nil { current.keysStart = offset }
                if case .msgid = field { current.line = lineNumber; current.msgid = value } else { current.msgctxt = value }
            case .msgidPlural:
                guard current.msgid != nil else { throw .invalidTable(at, "msgid_plural before msgid") }
                current.msgidPlural = value
            case .msgstr(let index):
                guard current.msgid != nil else { throw .invalidTable(at, "msgstr without a msgid before it") }
                guard current.msgstr[index] == nil else { throw .invalidTable(at, "msgstr[\(index)] appears twice in one entry") }
                if current.keysEnd == nil { current.keysEnd = offset }
                current.msgstr[index] = value
            }
            current.field = field
            current.end = end
            draft = current
        }
        if let finished = draft { entries.append(try finish(finished, at: SourceLocation(file: path, line: lineNumber))) }
        return entries
    }

    private func unquote(_ text: Substring, at: SourceLocation) throws(FormatError) -> String {
        do {
            return try POString.unquote(text)
        } catch {
            switch error {
            case .notQuoted: throw .invalidTable(at, "expected a string in double quotes")
            case .unterminated: throw .invalidTable(at, "the string is not closed with \"")
            case .trailingText: throw .invalidTable(at, "text after the closing quote")
            case .badEscape(let escape): throw .invalidTable(at, "\(escape) is not a PO escape (\\n \\t \\\" \\\\ and octal or hex codes are)")
            }
        }
    }

    private func finish(_ draft: Draft, at: SourceLocation) throws(FormatError) -> POEntry {
        let entryAt = SourceLocation(file: path, line: draft.line == 0 ? at.line : draft.line)
        guard let msgid = draft.msgid else {
            throw .invalidTable(at, "comments that belong to no entry (a msgid is missing)")
        }
        guard let keysStart = draft.keysStart, let keysEnd = draft.keysEnd, !draft.msgstr.isEmpty else {
            throw .invalidTable(entryAt, "the entry has no msgstr")
        }
        let forms = draft.msgstr.keys.sorted()
        guard forms == Array(0..<forms.count) else {
            throw .invalidTable(entryAt, "the plural forms are not msgstr[0], msgstr[1], … in order")
        }
        if draft.msgidPlural == nil, draft.indexed {
            throw .invalidTable(entryAt, "msgstr[N] without msgid_plural")
        }
        if draft.msgidPlural != nil, !draft.indexed {
            throw .invalidTable(entryAt, "msgid_plural needs msgstr[0], msgstr[1], … instead of msgstr")
        }
        return POEntry(comments: draft.comments, msgctxt: draft.msgctxt, msgid: msgid, msgidPlural: draft.msgidPlural,
                       msgstr: forms.map { draft.msgstr[$0] ?? "" }, line: draft.line, range: draft.start..<draft.end,
                       keys: keysStart..<keysEnd)
    }
}
