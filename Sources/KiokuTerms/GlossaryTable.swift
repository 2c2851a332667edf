import KiokuFormats
import KiokuText

/// Reads and writes glossaries as TSV or CSV: a header of language codes (plus the
/// optional columns `id`, `type`, `status`, `case`, `note`), one row per set of terms.
///
/// Rows with the same `id` — or, without an id column, the same term in the first
/// language column — are one concept. A row's `status` applies to its terms (in a
/// `forbidden` row, to all but the first language's, which names the concept). A cell
/// may hold several terms separated by `;`. Lines starting with `#` are comments.
///
///     type    en              ru              ja          status
///     person  Shinzo Abe      Синдзо Абэ      安倍晋三
///     person  Shinzo Abe      Шинзо Абе                   forbidden
public enum GlossaryTable {
    public static func read(path: String) throws(FormatError) -> Glossary {
        let rows = try TableRows(path: path)
        var header: [String]?
        var headerLine = 0
        var order: [String] = []
        var concepts: [String: Concept] = [:]
        while let (fields, line) = try rows.next() {
            if fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) || fields.first?.hasPrefix("#") == true { continue }
            guard let columns = header else {
                header = fields.map { $0.trimmingWhitespace() }
                headerLine = line
                let languages = header!.filter { !Self.special.contains($0.lowercased()) }
                guard !languages.isEmpty, languages.allSatisfy({ LanguageTag($0) != nil }) else {
                    throw .invalidTable(SourceLocation(file: path, line: line),
                                        "the first row must name the columns: language codes (en, ru, ja…) and optionally id, type, status, case, note; found \(fields.joined(separator: ", "))")
                }
                continue
            }
            func cell(_ name: String) -> String? {
                columns.firstIndex { $0.lowercased() == name }.flatMap { $0 < fields.count ? fields[$0].trimmingWhitespace() : nil }
                    .flatMap { $0.isEmpty ? nil : $0 }
            }
            let languageColumns = columns.enumerated().filter { !Self.special.contains($0.element.lowercased()) }
            guard let key = cell("id") ?? languageColumns.first.flatMap({ $0.offset < fields.count ? fields[$0.offset].trimmingWhitespace() : nil }),
                  !key.isEmpty
            else {
                throw .invalidTable(SourceLocation(file: path, line: line),
                                    "the row has no \(columns.contains { $0.lowercased() == "id" } ? "id" : "term in its first language column (\(languageColumns.first?.element ?? "?"))"), so Kioku cannot tell which concept it belongs to")
            }
            guard let status = TermStatus(text: cell("status") ?? "") else {
                throw .invalidTable(SourceLocation(file: path, line: line), "unknown status \"\(cell("status") ?? "")\" (use preferred, admitted or forbidden)")
            }
            let type = cell("type").map { ConceptType(text: $0) }
            if let type, type == nil {
                throw .invalidTable(SourceLocation(file: path, line: line), "unknown type \"\(cell("type")!)\" (use person, place, organization or other)")
            }
            let caseSensitive = ["yes", "true", "1", "case-sensitive"].contains((cell("case") ?? "").lowercased())
            var concept = concepts[key] ?? Concept(id: key, terms: [])
            if concepts[key] == nil { order.append(key) }
            if let type = type ?? nil, concept.type == .other { concept.type = type }
            if let note = cell("note") { concept.note = [concept.note, note].compactMap { $0 }.joined(separator: "\n") }
            for (position, (index, name)) in languageColumns.enumerated() where index < fields.count {
                let language = LanguageTag(name)!
                for text in fields[index].split(separator: ";").map({ String($0).trimmingWhitespace() }) where !text.isEmpty {
                    // in a forbidden row, the first language's term only names the concept
                    let termStatus: TermStatus = status == .forbidden && position == 0 && cell("id") == nil ? .preferred : status
                    if concept.terms.contains(where: { $0.language == language && $0.text == text }) { continue }
                    concept.terms.append(Term(language: language, text: text, status: termStatus, caseSensitive: caseSensitive))
                }
            }
            concepts[key] = concept
        }
        guard header != nil else {
            throw .invalidTable(SourceLocation(file: path, line: max(headerLine, 1)), "the glossary is empty")
        }
        return Glossary(concepts: order.map { concepts[$0]! })
    }

    static let special: Set<String> = ["id", "type", "status", "case", "note"]

    /// Writes one row per concept and status: `id`, `type`, the languages, `status`, `case`,
    /// `note` (the concept's). TSV has no place for parts of speech or term notes: use TBX to keep them.
    public static func write(_ glossary: Glossary, to path: String) throws(FormatError) {
        let languages = glossary.languages
        let output = try TextOutput(path: path)
        func clean(_ text: String) -> String { String(text.map { $0 == "\t" || $0 == "\n" ? " " : $0 }) }
        try output.write((["id", "type"] + languages.map(\.identifier) + ["status", "case", "note"]).joined(separator: "\t") + "\n")
        for concept in glossary.concepts {
            var note = concept.note.map(clean) ?? ""
            for status in [TermStatus.preferred, .admitted, .forbidden] {
                for caseSensitive in [false, true] {
                    let terms = concept.terms.filter { $0.status == status && $0.caseSensitive == caseSensitive }
                    guard !terms.isEmpty else { continue }
                    let cells = languages.map { language in
                        terms.filter { $0.language == language }.map { clean($0.text) }.joined(separator: "; ")
                    }
                    try output.write(([clean(concept.id), concept.type.rawValue] + cells + [status.rawValue, caseSensitive ? "yes" : "", note])
                        .joined(separator: "\t") + "\n")
                    note = ""
                }
            }
        }
        try output.close()
    }
}
