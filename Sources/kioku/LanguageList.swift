import ArgumentParser
import KiokuText

/// A comma-separated list of language codes on the command line: `en,ru,ja`.
struct LanguageList {
    let tags: [LanguageTag]

    /// Parses `en,ru,ja`, naming the code that is not one.
    static func parse(_ argument: String) throws -> LanguageList {
        LanguageList(tags: try argument.split(separator: ",").map { part in
            guard let tag = LanguageTag(String(part)) else {
                throw ValidationError("\"\(part)\" is not a language code (use codes like en, ru, ja, pt-BR, separated by commas)")
            }
            return tag
        })
    }

    static let completion = CompletionKind.list(["en,ru", "en,ja", "en,ru,ja"])
}
