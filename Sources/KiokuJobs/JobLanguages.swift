import KiokuFormats
import KiokuMatch
import KiokuText

/// The language pair a job file is worked in: the file's own, else the caller's, and held by the TM.
enum JobLanguages {
    static func resolve(_ document: JobDocument, matcher: Matcher) throws -> (LanguageTag, LanguageTag) {
        guard let source = document.sourceLanguage else { throw JobError.unknownLanguage(file: document.path, side: .source) }
        guard let target = document.targetLanguage else { throw JobError.unknownLanguage(file: document.path, side: .target) }
        let held = try matcher.index.languages()
        for language in [source, target] where !held.contains(language.language) {
            throw JobError.languageNotInMemory(file: document.path, language: language, held: held)
        }
        return (source, target)
    }
}
