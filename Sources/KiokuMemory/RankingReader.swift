import KiokuFormats

/// What ranking reads of the hits a fuzzy search found: the variant's text, whether the unit
/// holds the target language, and what breaks ties. Ranking reads dozens of hits per lookup,
/// so a reader keeps its statements prepared for the length of one ``MemoryStore/withRankingReader(_:)``.
public protocol RankingReader {
    /// The variant's text and its unit's other variants (language as stored, text); nil when
    /// the unit or the variant no longer exists.
    func candidate(_ key: VariantKey) -> (text: String, others: [(language: String, text: String)])?
    /// What orders equal matches and makes a context match.
    func rankingFacts(of unit: UnitID) -> RankingFacts
}
