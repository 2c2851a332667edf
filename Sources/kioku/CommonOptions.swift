import ArgumentParser
import KiokuText

/// The `--tm PATH` option every command takes.
struct MemoryOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The translation memory file (SQLite).", valueName: "path"))
    var tm: String
}

extension LanguageTag: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// Parses `en,ru,ja` into tags, naming the bad one.
func parseLanguageList(_ text: String?) throws -> [LanguageTag]? {
    guard let text else { return nil }
    return try text.split(separator: ",").map { part in
        guard let tag = LanguageTag(String(part)) else {
            throw ValidationError("\"\(part)\" is not a language code (use codes like en, ru, ja, en-US)")
        }
        return tag
    }
}
