import KiokuFormats

/// What ranking needs of a unit besides its text.
public struct RankingFacts: Sendable {
    /// The newest date of the unit or any of its variants as a sort key
    /// (`Metadata.sortKey(ofDate:)`), else "": newer sorts higher.
    public var recency: String
    private let contextSource: ContextSource

    private enum ContextSource: Sendable {
        case known([String])
        /// The SQLite store's metadata JSON, decoded only when a lookup asks for a context match.
        case storedJSON(String?)
    }

    /// - Parameter contexts: the unit's contexts (its `x-context-pre` and OmegaT `prev` properties).
    public init(recency: String, contexts: [String]) {
        self.recency = recency
        contextSource = .known(contexts)
    }

    package init(recency: String, metadataJSON: String?) {
        self.recency = recency
        contextSource = .storedJSON(metadataJSON)
    }

    /// The unit's contexts (the previous source segments it was met after: properties
    /// `x-context-pre` and OmegaT's `prev`), read only when a lookup asks for a context match.
    public var contexts: [String] {
        switch contextSource {
        case .known(let contexts):
            return contexts
        case .storedJSON(let json):
            guard let json, json.contains(TranslationUnit.contextProperty) || json.contains("\"\(TranslationUnit.omegaTContextProperty)\"")
            else { return [] }
            var unit = TranslationUnit(variants: [])
            StoredExtras.decode(json, into: &unit.metadata)
            return unit.contexts
        }
    }
}
