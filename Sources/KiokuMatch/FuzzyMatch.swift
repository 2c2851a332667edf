import KiokuFormats
import KiokuMemory
import KiokuText

/// One fuzzy match: a TM unit whose source resembles the query, with its score, what
/// differs, and the target (adapted when only numbers differ).
public struct FuzzyMatch: Sendable, Codable, Hashable {
    /// 0–100 (100: identical text), or 101 when the context matches too.
    public var score: Int
    public var unitID: UnitID
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    /// The TM source as stored (display text).
    public var source: String
    /// The TM target as stored.
    public var target: String
    /// The target with the query's numbers put in, when the query and the TM source differ
    /// only in numbers and each could be placed unambiguously.
    public var adaptedTarget: String?
    /// The word-level (Japanese: character-level) difference between query and TM source.
    public var diff: [DiffPiece]
    /// The unit's dates, users, notes and properties.
    public var metadata: Metadata
    /// The file the unit was imported from.
    public var origin: String?
    /// True when the unit's stored context (previous segment) equals the caller's.
    public var contextMatches: Bool
}
