import KiokuText

/// Something a reader wants the user to know that is not an error, as data.
public enum ReaderNotice: Hashable, Sendable, Encodable, CustomStringConvertible {
    /// The file names no source language: units without their own take `language` — the
    /// caller's choice when `givenByCaller`, else each unit's first variant (the first unit's shown).
    case assumedSourceLanguage(file: String, language: LanguageTag, givenByCaller: Bool)
    /// The header's source language is not a language tag and was ignored.
    case ignoredSourceLanguage(file: String, value: String)

    public var description: String {
        switch self {
        case .assumedSourceLanguage(let file, let language, true):
            "\(file): the header names no srclang; using \(language) (as asked) for units without one"
        case .assumedSourceLanguage(let file, let language, false):
            "\(file): the header names no srclang; taking each unit's first variant as its source (first: \(language))"
        case .ignoredSourceLanguage(let file, let value):
            "\(file): the header's srclang \"\(value)\" is not a language tag; ignoring it"
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
