import KiokuText

/// Reads Moses-style parallel text: two files with one segment a line, line N of
/// one the translation of line N of the other. Files of different lengths are an
/// error (a misalignment would corrupt every unit after it).
public final class MosesReader: UnitReader {
    public let sourcePath: String
    public let targetPath: String
    public let sourceLanguage: LanguageTag
    public let targetLanguage: LanguageTag
    public private(set) var notices: [ReaderNotice] = []
    public var progress: ReadProgress {
        ReadProgress(bytesRead: source.progress.bytesRead + target.progress.bytesRead,
                     totalBytes: source.progress.totalBytes + target.progress.totalBytes)
    }
    private let source: LineReader
    private let target: LineReader

    public init(sourcePath: String, targetPath: String, sourceLanguage: LanguageTag?, targetLanguage: LanguageTag?) throws(FormatError) {
        guard let src = sourceLanguage ?? Self.languageFromExtension(sourcePath) else {
            throw .unknownLanguages(file: sourcePath, .source)
        }
        guard let tgt = targetLanguage ?? Self.languageFromExtension(targetPath) else {
            throw .unknownLanguages(file: targetPath, .target)
        }
        self.sourcePath = sourcePath
        self.targetPath = targetPath
        self.sourceLanguage = src
        self.targetLanguage = tgt
        source = try LineReader(path: sourcePath)
        target = try LineReader(path: targetPath)
    }

    /// `corpus.en` → `en`, `news.ru-RU` → `ru-RU`.
    public static func languageFromExtension(_ path: String) -> LanguageTag? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        let suffix = String(path[path.index(after: dot)...])
        guard let tag = LanguageTag(suffix), (2...3).contains(tag.language.count), !["txt", "tsv", "csv", "tmx"].contains(tag.language) else { return nil }
        return tag
    }

    public func next() throws(FormatError) -> ReadItem? {
        let left = try source.next()
        let right = try target.next()
        switch (left, right) {
        case (nil, nil):
            return nil
        case (let text?, nil):
            _ = text
            throw .invalidTable(SourceLocation(file: targetPath, line: target.lineNumber + 1),
                                "\(targetPath) ends here but \(sourcePath) goes on (line \(source.lineNumber)); the files are not aligned")
        case (nil, _?):
            throw .invalidTable(SourceLocation(file: sourcePath, line: source.lineNumber + 1),
                                "\(sourcePath) ends here but \(targetPath) goes on (line \(target.lineNumber)); the files are not aligned")
        case (let s?, let t?):
            let at = SourceLocation(file: sourcePath, line: source.lineNumber)
            if s.trimmingWhitespace().isEmpty || t.trimmingWhitespace().isEmpty {
                return .skip(Skip(location: at, reason: .emptySide))
            }
            return .unit(TranslationUnit(variants: [Variant(language: sourceLanguage, text: s),
                                                    Variant(language: targetLanguage, text: t)],
                                         sourceLanguage: sourceLanguage), at)
        }
    }
}
