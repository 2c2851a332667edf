import KiokuText

/// A term in one language.
public struct Term: Sendable, Hashable, Codable {
    public var language: LanguageTag
    public var text: String
    public var status: TermStatus
    /// When true, the term matches only with the same letter case (e.g. an acronym that is also a word).
    public var caseSensitive: Bool
    public var partOfSpeech: String?
    public var note: String?

    public init(language: LanguageTag, text: String, status: TermStatus = .preferred, caseSensitive: Bool = false,
                partOfSpeech: String? = nil, note: String? = nil) {
        self.language = language
        self.text = text
        self.status = status
        self.caseSensitive = caseSensitive
        self.partOfSpeech = partOfSpeech
        self.note = note
    }
}
