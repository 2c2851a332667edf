import KiokuFormats

/// One input of an import: a reader and the name its units are recorded under.
public struct ImportSource {
    public var origin: String
    public var reader: any UnitReader

    public init(origin: String, reader: any UnitReader) {
        self.origin = origin
        self.reader = reader
    }
}
