import KiokuFormats

/// A unit as the TM holds it: its id and the file it came from, besides its content.
public struct StoredUnit: Sendable, Hashable {
    public var id: Int64
    public var origin: String?
    public var unit: TranslationUnit

    public init(id: Int64, origin: String?, unit: TranslationUnit) {
        self.id = id
        self.origin = origin
        self.unit = unit
    }
}
