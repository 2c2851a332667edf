/// A variant as the fuzzy index reads it: its key, its language as stored, and its text.
public struct IndexableVariant: Sendable, Hashable {
    public var key: VariantKey
    /// The language tag as stored (`en-US`); the index groups by primary subtag.
    public var language: String
    public var text: String

    public init(key: VariantKey, language: String, text: String) {
        self.key = key
        self.language = language
        self.text = text
    }
}

/// The variants of a run of whole units, for the index to tokenize: a unit is never split
/// between two batches.
public struct IndexableBatch: Sendable {
    public var variants: [IndexableVariant]
    /// The last unit the batch covers (its variants are all in `variants`).
    public var through: UnitID

    public init(variants: [IndexableVariant], through: UnitID) {
        self.variants = variants
        self.through = through
    }
}
