import KiokuFormats

/// What ranking reads of the hits a fuzzy search found: the variant's text, whether the unit
/// holds the target language, and what breaks ties. Ranking reads dozens of hits per lookup,
/// so a reader keeps its statements prepared for the length of one ``MemoryStore/withRankingReader(_:)``.
public protocol RankingReader {
    /// The variant's text and the languages (as stored) of its unit's other variants; nil when
    /// the unit or the variant no longer exists.
    func candidate(_ key: VariantKey) -> (text: String, otherLanguages: [String])?
    /// What orders equal matches and makes a context match.
    func rankingFacts(of unit: UnitID) -> RankingFacts
}

/// What ranking needs of a unit besides its text.
public struct RankingFacts: Sendable {
    /// The change date, else the creation date, else "": newer sorts higher.
    public var recency: String
    /// The unit's stored metadata (notes, properties) in the store's JSON form, read only
    /// when a lookup asks for a context match.
    let metadataJSON: String?

    /// - Parameter metadataJSON: the unit's notes, properties and attributes as
    ///   ``MemoryStore`` implementations store them (see `StoredExtras`).
    public init(recency: String, metadataJSON: String?) {
        self.recency = recency
        self.metadataJSON = metadataJSON
    }

    /// The unit's context (the previous source segment, property `x-context-pre`), if it records one.
    public var context: String? {
        guard let metadataJSON, metadataJSON.contains(TranslationUnit.contextProperty) else { return nil }
        var metadata = Metadata()
        StoredExtras.decode(metadataJSON, into: &metadata)
        return metadata.property(TranslationUnit.contextProperty)
    }
}
