import KiokuText

/// Reads TSV or CSV exports: one unit a row, one language a column.
///
/// A first row made only of language codes is a header and names the columns.
/// Without one, the caller names the columns (source and target: first and second).
/// With both, the header finds the columns the caller asked for. CSV follows
/// RFC 4180 (quoted fields, doubled quotes, line breaks inside quotes).
public final class DelimitedReader: UnitReader {
    /// The field separator.
    public enum Dialect: Sendable {
        case tsv, csv

        /// TSV unless the file name ends in `.csv`.
        public init(path: String) {
            self = path.lowercased().hasSuffix(".csv") ? .csv : .tsv
        }
    }

    public let path: String
    public let dialect: Dialect
    public private(set) var notices: [ReaderNotice] = []
    public var progress: ReadProgress { rows.progress }
    /// The language of each column that is read, and the column's index.
    public private(set) var columns: [(index: Int, language: LanguageTag)] = []
    private let rows: TableRows
    private var sourceLanguage: LanguageTag?
    private var firstRow: (fields: [String], line: Int)?
    private var width = 0

    /// - Parameters:
    ///   - languages: the languages to read, in column order when there is no header.
    ///   - sourceLanguage: the source language of every unit (default: the first column read).
    public init(path: String, dialect: Dialect? = nil, languages: [LanguageTag] = [],
                sourceLanguage: LanguageTag? = nil) throws(FormatError) {
        self.path = path
        self.dialect = dialect ?? Dialect(path: path)
        rows = try TableRows(path: path, dialect: dialect ?? Dialect(path: path), width: languages.count)
        guard let (first, line) = try readRow() else {
            throw .invalidTable(SourceLocation(file: path, line: 1), "the file is empty")
        }
        let header = first.map { LanguageTag($0) }
        let isHeader = first.count >= 2 && header.allSatisfy { tag in tag.map { (2...3).contains($0.language.count) } ?? false }
        if isHeader {
            let tags = header.map { $0! }
            width = tags.count
            if languages.isEmpty {
                columns = Array(tags.enumerated().map { ($0.offset, $0.element) })
            } else {
                for wanted in languages {
                    guard let index = tags.firstIndex(where: { wanted.covers($0) }) else {
                        throw .invalidTable(SourceLocation(file: path, line: line),
                                            "the header has no \(wanted) column (it has \(tags.map(\.identifier).joined(separator: ", ")))")
                    }
                    columns.append((index, tags[index]))
                }
            }
        } else {
            guard languages.count >= 2 else {
                throw .unknownLanguages(file: path, .columns)
            }
            width = first.count
            columns = Array(languages.enumerated().map { ($0.offset, $0.element) })
            firstRow = (first, line)
        }
        self.sourceLanguage = sourceLanguage ?? columns.first?.language
    }

    public func next() throws(FormatError) -> ReadItem? {
        while true {
            let row: (fields: [String], line: Int)
            if let pending = firstRow {
                row = pending
                firstRow = nil
            } else {
                guard let read = try readRow() else { return nil }
                row = read
            }
            let at = SourceLocation(file: path, line: row.line)
            if row.fields.count == 1 && row.fields[0].isEmpty { continue }  // blank line
            guard row.fields.count == width else {
                return .skip(Skip(location: at, reason: .wrongColumnCount(found: row.fields.count, expected: width, tabSeparated: dialect == .tsv)))
            }
            guard columns.allSatisfy({ $0.index < row.fields.count }) else {
                return .skip(Skip(location: at, reason: .wrongColumnCount(found: row.fields.count, expected: width, tabSeparated: dialect == .tsv)))
            }
            let variants = columns.compactMap { column -> Variant? in
                let text = row.fields[column.index]
                return text.isEmpty ? nil : Variant(language: column.language, text: text)
            }
            guard variants.count >= 2 else {
                return .skip(Skip(location: at, reason: .emptySegments))
            }
            let source = variants.contains { $0.language == sourceLanguage } ? sourceLanguage : variants[0].language
            return .unit(TranslationUnit(variants: variants, sourceLanguage: source), at)
        }
    }

    private func readRow() throws(FormatError) -> (fields: [String], line: Int)? {
        try rows.next()
    }
}
