import KiokuText

/// The file formats Kioku reads translation units from.
public enum UnitFormat: String, Sendable, CaseIterable {
    case tmx, tsv, csv, xliff, moses

    /// Guesses the format from a file name: `.tmx`, `.tsv`/`.txt`, `.csv`, `.xlf`/`.xliff`/`.sdlxliff`/`.mqxliff`.
    public init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".tmx") { self = .tmx }
        else if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { self = .tsv }
        else if lower.hasSuffix(".csv") { self = .csv }
        else if [".xlf", ".xliff", ".sdlxliff", ".mqxliff"].contains(where: lower.hasSuffix) { self = .xliff }
        else { return nil }
    }
}

/// Opens the right reader for a file.
public enum UnitReaders {
    /// A reader for `path` in `format` (guessed from the name when nil).
    /// `languages` names TSV/CSV columns or selects them; `sourceLanguage` is the fallback `srclang`.
    public static func open(path: String, format: UnitFormat? = nil, sourceLanguage: LanguageTag? = nil,
                            targetLanguage: LanguageTag? = nil) throws(FormatError) -> any UnitReader {
        guard let format = format ?? UnitFormat(path: path) else {
            throw .unreadable(file: path, reason: "cannot tell the format from the file name; pass --format tmx|tsv|csv|xliff")
        }
        let columns = [sourceLanguage, targetLanguage].compactMap { $0 }
        switch format {
        case .tmx: return try TMXReader(path: path, sourceLanguage: sourceLanguage)
        case .tsv: return try DelimitedReader(path: path, dialect: .tsv, languages: columns, sourceLanguage: sourceLanguage)
        case .csv: return try DelimitedReader(path: path, dialect: .csv, languages: columns, sourceLanguage: sourceLanguage)
        case .xliff: return try XLIFFReader(path: path, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        case .moses:
            throw .unreadable(file: path, reason: "Moses files come in pairs; open them with MosesReader")
        }
    }

    /// Readers for the files of one import, each with the name its units are recorded under.
    /// Moses files are paired (source, target, source, target…) when `format` is `.moses`, or
    /// when exactly two files with no known extension are given (`corpus.en corpus.ru`).
    public static func open(paths: [String], format: UnitFormat? = nil, sourceLanguage: LanguageTag? = nil,
                            targetLanguage: LanguageTag? = nil) throws(FormatError) -> [(origin: String, reader: any UnitReader)] {
        let looksLikeMoses = format == nil && paths.count == 2 && paths.allSatisfy { UnitFormat(path: $0) == nil }
            && paths.allSatisfy { MosesReader.languageFromExtension($0) != nil || sourceLanguage != nil }
        guard format == .moses || looksLikeMoses else {
            var readers: [(origin: String, reader: any UnitReader)] = []
            for path in paths {
                readers.append((path, try open(path: path, format: format, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)))
            }
            return readers
        }
        guard paths.count % 2 == 0 else {
            throw .missingLanguage(file: paths.last ?? "", "Moses files come in pairs (source file, target file); this one has no partner")
        }
        var readers: [(origin: String, reader: any UnitReader)] = []
        for index in stride(from: 0, to: paths.count, by: 2) {
            let reader = try MosesReader(sourcePath: paths[index], targetPath: paths[index + 1],
                                         sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
            readers.append((paths[index] + " + " + paths[index + 1], reader))
        }
        return readers
    }
}
