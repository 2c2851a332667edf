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
