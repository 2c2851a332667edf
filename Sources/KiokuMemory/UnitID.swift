/// A unit's id in a TM: positive, and increasing in the order units were added, so "every
/// unit after id N" is how derived data (the fuzzy index) follows a TM.
public struct UnitID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
                      ExpressibleByIntegerLiteral {
    public let rawValue: Int64

    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public init(integerLiteral value: Int64) { rawValue = value }

    /// Before the first unit: "every unit after `none`" is every unit.
    public static let none = UnitID(0)

    public static func < (lhs: UnitID, rhs: UnitID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { String(rawValue) }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
