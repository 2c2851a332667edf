import KiokuText

/// A gettext PO file as read: its entries with their byte ranges, its header's fields and
/// plural count. Obsolete entries (`#~`) and anything between entries are kept as they are.
struct POCatalog: Sendable {
    let path: String
    let bytes: [UInt8]
    var entries: [POEntry]
    /// The header's `Key: value` fields, in order.
    var header: [(key: String, value: String)]
    /// The header entry's index in `entries`, if the file has one.
    var headerIndex: Int?

    /// The header's `Language:`.
    var language: LanguageTag? {
        header.first { $0.key == "Language" }.flatMap { LanguageTag($0.value.replacing("_", with: "-")) }
    }

    /// `nplurals` of the header's `Plural-Forms:`.
    var pluralCount: Int? {
        guard let forms = header.first(where: { $0.key == "Plural-Forms" })?.value,
              let match = forms.firstMatch(of: /nplurals\s*=\s*(\d+)/) else { return nil }
        return Int(match.1)
    }

    static func read(path: String) throws(FormatError) -> POCatalog {
        let bytes = try UTF8Stream.readAll(path: path, xml: false).bytes
        var parser = POParser(path: path, bytes: bytes)
        let entries = try parser.entries()
        var catalog = POCatalog(path: path, bytes: bytes, entries: entries, header: [], headerIndex: nil)
        if let index = entries.firstIndex(where: \.isHeader) {
            catalog.headerIndex = index
            catalog.header = try Self.fields(of: entries[index], path: path)
        }
        return catalog
    }

    /// The header's fields; a line that is not `Key: value`, or a charset other than UTF-8, is an error.
    private static func fields(of header: POEntry, path: String) throws(FormatError) -> [(key: String, value: String)] {
        var fields: [(key: String, value: String)] = []
        for (offset, line) in (header.msgstr.first ?? "").split(separator: "\n").enumerated() {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                throw .invalidTable(SourceLocation(file: path, line: header.line + 1 + offset),
                                    "the PO header line \"\(line)\" is not \"Key: value\"")
            }
            fields.append((String(line[..<colon]).trimmingWhitespace(), String(line[line.index(after: colon)...]).trimmingWhitespace()))
        }
        if let type = fields.first(where: { $0.key == "Content-Type" })?.value,
           let charset = type.firstMatch(of: /charset\s*=\s*([^\s;]+)/)?.1 {
            let name = String(charset).lowercased()
            guard ["utf-8", "utf8", "charset", "ascii", "us-ascii"].contains(name) else {
                throw .badEncoding(SourceLocation(file: path, line: header.line),
                                   "the PO file is in \(charset); Kioku reads UTF-8 PO files (convert it with msgconv --to-code=UTF-8)")
            }
        }
        return fields
    }

    /// The catalog as a job: one segment per translatable entry (not the header, not obsolete).
    func document(sourceLanguage: LanguageTag?, targetLanguage: LanguageTag?) -> JobDocument {
        var segments: [JobSegment] = []
        var previous: String?
        for (index, entry) in entries.enumerated() where !entry.isHeader {
            let target = entry.msgstr.first.flatMap { $0.isEmpty ? nil : Segment(text: $0) }
            segments.append(JobSegment(id: String(entry.line), source: Segment(text: entry.msgid), target: target,
                                       isTranslated: entry.isTranslated, context: previous, line: entry.line,
                                       pluralSource: entry.msgidPlural, place: index))
            previous = entry.msgid
        }
        return JobDocument(path: path, format: .po, sourceLanguage: sourceLanguage ?? headerSourceLanguage,
                           targetLanguage: language ?? targetLanguage, segments: segments, bytes: bytes, decoded: false, places: .po(self))
    }

    /// Poedit's `X-Source-Language:`, else English (gettext's convention for msgids).
    var headerSourceLanguage: LanguageTag? {
        header.first { $0.key == "X-Source-Language" }.flatMap { LanguageTag($0.value) } ?? LanguageTag("en")
    }
}
