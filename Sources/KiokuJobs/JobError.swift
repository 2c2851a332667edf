import KiokuText

/// Why a job cannot be analyzed or pre-translated, as data (the CLI and server render advice).
public enum JobError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A list of lower bounds that cannot make bands.
    case invalidBands(String)
    /// The job file names no language for one side and the caller gave none.
    case unknownLanguage(file: String, side: Side)
    /// The TM holds no segments in a language the job needs.
    case languageNotInMemory(file: String, language: LanguageTag, held: [String])

    public enum Side: String, Sendable { case source, target }

    public var description: String {
        switch self {
        case .invalidBands(let why): "the match bands: \(why)"
        case .unknownLanguage(let file, let side): "\(file): the file names no \(side.rawValue) language"
        case .languageNotInMemory(let file, let language, let held):
            "\(file): the job is in \(language.identifier), but the TM has no \(language.identifier) segments (it holds \(held.isEmpty ? "none" : held.joined(separator: ", ")))"
        }
    }
}
