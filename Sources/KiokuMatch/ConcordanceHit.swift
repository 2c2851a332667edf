import KiokuMemory
import KiokuText

/// A segment where a concordance search found the phrase, with the phrase marked.
public struct ConcordanceHit: Sendable, Codable, Hashable {
    public var unitID: UnitID
    public var language: LanguageTag
    /// The segment as stored.
    public var text: String
    /// Where the phrase stands in `text`, as character offsets (start, length), each occurrence.
    public var highlights: [ConcordanceRange]
    /// The unit's other variants, by language: the translations to look at.
    public var translations: [String: String]
}
