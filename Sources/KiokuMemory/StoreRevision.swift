/// How far a store's units and its saved index data reach, read together: the cheap
/// question derived data asks to find out whether anyone (another process too) wrote.
public struct StoreRevision: Sendable, Hashable {
    /// The newest unit (``UnitID/none`` in an empty store).
    public var latestUnit: UnitID
    /// The last unit the saved index data covers.
    public var indexedThrough: UnitID

    public init(latestUnit: UnitID, indexedThrough: UnitID) {
        self.latestUnit = latestUnit
        self.indexedThrough = indexedThrough
    }
}
