import ArgumentParser
import KiokuText

/// A language code on the command line: `en`, `ru-RU`, `pt_BR` (any case).
extension LanguageTag: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }

    public static var defaultCompletionKind: CompletionKind { .list(["en", "ru", "ja"]) }
}
