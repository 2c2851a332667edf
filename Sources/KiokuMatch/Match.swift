import KiokuFormats
import KiokuText

/// One fuzzy match: a TM unit whose source resembles the query, with its score, what
/// differs, and the target (adapted when only numbers differ).
public struct FuzzyMatch: Sendable, Codable, Hashable {
    /// 0–100 (100: identical text), or 101 when the context matches too.
    public var score: Int
    public var unitID: Int64
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

/// A run of the diff between the query and a TM source.
public struct DiffPiece: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable {
        /// In both.
        case equal
        /// In the TM source only (the query lacks it).
        case removed
        /// In the query only (the TM source lacks it).
        case added
    }

    public var kind: Kind
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// How to look up.
public struct LookupOptions: Sendable {
    /// The lowest score returned (0–100).
    public var minimumScore: Int
    /// How many matches at most.
    public var maximumResults: Int
    /// The caller's context (the previous source segment): an exact match whose unit has
    /// the same context scores 101.
    public var context: String?
    /// Scan every unit instead of using the index (slow; for checking the index).
    public var exhaustive: Bool
    /// Let one large search use both cores (off for servers that already run lookups side by side).
    public var parallel: Bool

    public init(minimumScore: Int = 70, maximumResults: Int = 5, context: String? = nil, exhaustive: Bool = false,
                parallel: Bool = true) {
        self.minimumScore = minimumScore
        self.maximumResults = maximumResults
        self.context = context
        self.exhaustive = exhaustive
        self.parallel = parallel
    }
}
