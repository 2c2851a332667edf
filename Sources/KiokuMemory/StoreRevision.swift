/// How far a store's units, its change log and its saved index data reach, read together:
/// the cheap question derived data asks to find out whether anyone (another process too) wrote.
public struct StoreRevision: Sendable, Hashable {
    /// The newest unit id ever given (``UnitID/none`` in an empty store). Ids of deleted units
    /// are never given again, so this does not go down when the newest unit is deleted.
    public var latestUnit: UnitID
    /// The newest entry of the change log: each deletion or edit of a unit adds one.
    public var latestChange: Int64
    /// How far the saved index data reaches.
    public var indexed: IndexWatermark

    public init(latestUnit: UnitID, latestChange: Int64 = 0, indexed: IndexWatermark) {
        self.latestUnit = latestUnit
        self.latestChange = latestChange
        self.indexed = indexed
    }

    /// The last unit the saved index data covers.
    public var indexedThrough: UnitID { indexed.units }
}
