/// What a TM holds: counts by language, by language pair and by origin, and its size.
public struct MemoryStatistics: Sendable, Codable {
    public struct LanguageCount: Sendable, Codable { public var language: String; public var segments: Int }
    public struct PairCount: Sendable, Codable { public var languages: [String]; public var units: Int }
    public struct OriginCount: Sendable, Codable { public var path: String; public var units: Int; public var importedAt: String }

    public var path: String
    public var units: Int
    public var segments: Int
    public var languages: [LanguageCount]
    /// Language pairs (unordered; each works in both directions) and how many units hold both.
    public var pairs: [PairCount]
    public var origins: [OriginCount]
    public var fileBytes: Int64
    /// Units with inline codes in at least one variant.
    public var unitsWithMarkup: Int
}
