import KiokuMemory

/// What ``FuzzyIndex/check(memory:sample:)`` found: per language, whether the saved index holds
/// exactly the variants the store has up to its watermark, and whether lookups through the
/// index answer as a full scan of the units does.
public struct IndexCheck: Sendable, Codable, Hashable {
    /// One language's index against the store.
    public struct Language: Sendable, Codable, Hashable {
        public var language: String
        /// Variants in the saved index.
        public var indexed: Int
        /// Variants the store holds in units up to the index's watermark.
        public var stored: Int
        /// Stored variants the index lacks, and indexed ones the store does not have.
        public var missing: Int
        public var extra: Int
        /// The saved index data cannot be decoded.
        public var damaged: Bool
    }

    /// The format the saved index data was written in, and the one this Kioku writes.
    public var format: Int
    public var expectedFormat: Int
    public var languages: [Language]
    /// Units added, edited or deleted after the index was last saved: not a problem (the next
    /// update applies them), and not compared.
    public var unitsNotYetIndexed: Int
    /// How many lookups were compared, index against a full scan.
    public var sampledLookups: Int
    /// Lookups whose answers differed: the query and both answers.
    public var mismatches: [String]

    /// Each problem, in a line.
    public var problems: [String] {
        var lines: [String] = []
        if format != expectedFormat, format != 0 {
            lines.append("the index data is in format \(format), this Kioku writes \(expectedFormat)")
        }
        for language in languages {
            if language.damaged { lines.append("the \(language.language) index data cannot be read (damaged)") }
            if language.missing > 0 { lines.append("the \(language.language) index lacks \(language.missing) of the TM's \(language.stored) variants") }
            if language.extra > 0 { lines.append("the \(language.language) index has \(language.extra) variants the TM does not hold") }
        }
        return lines + mismatches
    }

    public var isSound: Bool { problems.isEmpty }
}
