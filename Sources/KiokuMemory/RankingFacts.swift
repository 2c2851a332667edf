import KiokuFormats

/// What ranking needs of a unit besides its text.
public struct RankingFacts: Sendable {
    /// The change date, else the creation date, else "": newer sorts higher.
    public var recency: String
    private let contextSource: ContextSource

    private enum ContextSource: Sendable {
        case known(String?)
        /// The SQLite store's metadata JSON, decoded only when a lookup asks for a context match.
        case storedJSON(String?)
    }

    /// - Parameter context: the unit's context (its `x-context-pre` property), if it records one.
    public init(recency: String, context: String?) {
        self.recency = recency
        contextSource = .known(context)
    }

    init(recency: String, metadataJSON: String?) {
        self.recency = recency
        contextSource = .storedJSON(metadataJSON)
    }

    /// The unit's context (the previous source segment, property `x-context-pre`), if it records one.
    public var context: String? {
        switch contextSource {
        case .known(let context):
            return context
        case .storedJSON(let json):
            guard let json, json.contains(TranslationUnit.contextProperty) else { return nil }
            var metadata = Metadata()
            StoredExtras.decode(json, into: &metadata)
            return metadata.property(TranslationUnit.contextProperty)
        }
    }
}
