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
