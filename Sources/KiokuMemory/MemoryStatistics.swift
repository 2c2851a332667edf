/// What a TM holds: counts by language, by language pair and by origin, and its size.
public struct MemoryStatistics: Sendable, Codable {
    public struct LanguageCount: Sendable, Codable, Equatable {
        public var language: String
        public var segments: Int
        public init(language: String, segments: Int) { self.language = language; self.segments = segments }
    }

    public struct PairCount: Sendable, Codable, Equatable {
        public var languages: [String]
        public var units: Int
        public init(languages: [String], units: Int) { self.languages = languages; self.units = units }
    }

    public struct OriginCount: Sendable, Codable, Equatable {
        public var path: String
        public var units: Int
        public var importedAt: String
        public init(path: String, units: Int, importedAt: String) { self.path = path; self.units = units; self.importedAt = importedAt }
    }

    /// Where the store is (see ``MemoryStore/location``).
    public var path: String
    public var units: Int
    public var segments: Int
    /// Segments by language, most first.
    public var languages: [LanguageCount]
    /// Language pairs (unordered; each works in both directions) and how many units hold both.
    public var pairs: [PairCount]
    /// The files units came from, in the order first imported.
    public var origins: [OriginCount]
    /// The store's size on disk (0 when it has no file).
    public var fileBytes: Int64
    /// Units with inline codes in at least one variant.
    public var unitsWithMarkup: Int

    public init(path: String, units: Int, segments: Int, languages: [LanguageCount], pairs: [PairCount],
                origins: [OriginCount], fileBytes: Int64, unitsWithMarkup: Int) {
        self.path = path
        self.units = units
        self.segments = segments
        self.languages = languages
        self.pairs = pairs
        self.origins = origins
        self.fileBytes = fileBytes
        self.unitsWithMarkup = unitsWithMarkup
    }
}
