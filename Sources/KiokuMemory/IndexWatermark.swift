/// How far a fuzzy index reaches: the last unit it has read, the last entry of the store's
/// change log (deletions and edits) it has applied, and — for the copy saved in the store —
/// how many times that copy has been written. The save count only grows: a program whose
/// index was loaded from an older save reloads before it saves again, so two programs never
/// interleave their index data.
public struct IndexWatermark: Sendable, Hashable {
    public var units: UnitID
    public var changes: Int64
    /// Saves of the stored index so far (0 in an index kept in memory only).
    public var saves: Int64

    public init(units: UnitID, changes: Int64 = 0, saves: Int64 = 0) {
        self.units = units
        self.changes = changes
        self.saves = saves
    }

    /// Nothing indexed, nothing saved.
    public static let none = IndexWatermark(units: .none)
}
