/// One variant of one unit — the unit's id and the variant's position in it — packed in
/// 64 bits (`unit << 8 | position`), the form the fuzzy index keeps millions of.
///
/// A unit's first ``maximumPosition`` + 1 variants have keys; further variants (a unit
/// in more than 256 languages) are stored and exported but not indexed.
public struct VariantKey: Hashable, Comparable, Sendable {
    /// The packed form, as the index stores it.
    public let packed: Int64

    public static let maximumPosition = 255

    /// Nil when `position` is beyond ``maximumPosition``.
    public init?(unit: UnitID, position: Int) {
        guard (0...Self.maximumPosition).contains(position) else { return nil }
        packed = unit.rawValue << 8 | Int64(position)
    }

    public init(packed: Int64) { self.packed = packed }

    public var unitID: UnitID { UnitID(packed >> 8) }
    public var position: Int { Int(packed & 0xFF) }

    public static func < (lhs: VariantKey, rhs: VariantKey) -> Bool { lhs.packed < rhs.packed }
}
