import KiokuText

/// Opens the right reader for a file.
public enum UnitReaders {
    /// A reader for `path` in `format` (guessed from the name when nil).
    /// `languages` names TSV/CSV columns or selects them; `sourceLanguage` is the fallback `srclang`.
    public static func open(path: String, format: UnitFormat? = nil, sourceLanguage: LanguageTag? = nil,
                            targetLanguage: LanguageTag? = nil) throws(FormatError) -> any UnitReader {
        guard let format = format ?? UnitFormat(path: path) else {
            throw .unknownFormat(file: path, known: UnitFormat.knownEndings)
        }
        let columns = [sourceLanguage, targetLanguage].compactMap { $0 }
        switch format {
        case .tmx: return try TMXReader(path: path, sourceLanguage: sourceLanguage)
        case .tsv: return try DelimitedReader(path: path, dialect: .tsv, languages: columns, sourceLanguage: sourceLanguage)
        case .csv: return try DelimitedReader(path: path, dialect: .csv, languages: columns, sourceLanguage: sourceLanguage)
        case .xliff: return try XLIFFReader(path: path, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        case .po: return try POReader(path: path, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        case .moses:
            throw .unpairedFile(file: path)
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
            throw .unpairedFile(file: paths.last ?? "")
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
