import KiokuFormats

/// A unit as the TM holds it: its id and the file it came from, besides its content.
public struct StoredUnit: Sendable, Hashable, Codable {
    public var id: UnitID
    public var origin: String?
    public var unit: TranslationUnit

    public init(id: UnitID, origin: String?, unit: TranslationUnit) {
        self.id = id
        self.origin = origin
        self.unit = unit
    }
}
