import KiokuText

/// Writes tab-separated text: a header row of language tags, then one unit a row.
/// Tabs and line breaks inside a segment are written as spaces, since TSV cannot hold them.
public final class TSVWriter: UnitWriter {
    private let output: TextOutput
    private let languages: [LanguageTag]

    public init(path: String, languages: [LanguageTag]) throws(FormatError) {
        output = try TextOutput(path: path)
        self.languages = languages
        try output.write(languages.map(\.identifier).joined(separator: "\t") + "\n")
    }

    public func write(_ unit: TranslationUnit) throws(FormatError) {
        let cells = languages.map { language in
            String((unit.variant(language)?.segment.text ?? "").map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        }
        try output.write(cells.joined(separator: "\t") + "\n")
    }

    public func finish() throws(FormatError) { try output.close() }
}
