/// The id a store gives a file units were imported from (see ``MemoryWriter/recordOrigin(_:importedAt:)``).
public struct OriginID: RawRepresentable, Hashable, Sendable {
    public let rawValue: Int64

    public init(rawValue: Int64) { self.rawValue = rawValue }
}
