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
    /// The target variant's own: OmegaT dates and signs the translation, not the unit.
    public var targetMetadata: Metadata
    /// The file the unit was imported from.
    public var origin: String?
    /// True when the unit's stored context (previous segment) equals the caller's.
    public var contextMatches: Bool

    /// When the translation was last made or changed, and by whom: the target variant's
    /// newest date if it is newer than the unit's, else the unit's.
    public var latestChange: (date: String, user: String?)? {
        let unit = metadata.latestDate.map { ($0, metadata.latestUser) }
        let target = targetMetadata.latestDate.map { ($0, targetMetadata.latestUser) }
        switch (unit, target) {
        case (let unit?, let target?): return Metadata.isDate(target.0, laterThan: unit.0) ? target : unit
        case (let only?, nil), (nil, let only?): return only
        case (nil, nil): return nil
        }
    }
}
