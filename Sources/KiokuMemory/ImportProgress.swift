/// How far an import has got: units read, and bytes of all its files.
public struct ImportProgress: Sendable {
    public var units: Int
    public var bytesRead: Int64
    public var totalBytes: Int64

    /// 0…1, or nil when the size is unknown.
    public var fraction: Double? { totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : nil }
}
