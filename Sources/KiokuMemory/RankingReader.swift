import KiokuFormats

/// What a lookup reads of the hits a fuzzy search found: the variant's text, whether the unit
/// holds the target language, what breaks ties, and the winners in full. Ranking reads dozens
/// of hits per lookup, so a reader keeps its statements prepared, and everything it reads comes
/// from one snapshot of the TM, for the length of one ``MemoryStore/withRankingReader(_:)``.
public protocol RankingReader {
    /// The variant's text and its unit's other variants (language tag, text); nil when
    /// the unit or the variant no longer exists.
    func candidate(_ key: VariantKey) -> (text: String, others: [(language: String, text: String)])?
    /// What orders equal matches and makes a context match.
    func rankingFacts(of unit: UnitID) -> RankingFacts
    /// The whole unit (variants, metadata, origin), nil when it no longer exists. A unit whose
    /// content no longer hashes to what was stored is not returned: ``MemoryStore/withRankingReader(_:)``
    /// then throws ``MemoryError/damaged(path:reason:)`` once the body is done.
    func unit(_ id: UnitID) -> StoredUnit?
    /// The variants ranking may read next, best first: a networked store reads ahead of
    /// ``candidate(_:)`` in batches, so a lookup pays a few round trips instead of one a hit.
    func willRead<Keys: Collection<VariantKey>>(candidates: Keys)
    /// The units ``unit(_:)`` will be asked for (the winners), read in one go by a networked store.
    func willRead(units: [UnitID])
}

extension RankingReader {
    /// A local store reads each row in about a microsecond: no read-ahead.
    public func willRead<Keys: Collection<VariantKey>>(candidates: Keys) {}
    public func willRead(units: [UnitID]) {}
}
