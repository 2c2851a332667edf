/// How much of a reader's input has been consumed.
public struct ReadProgress: Sendable, Hashable {
    public var bytesRead: Int64
    public var totalBytes: Int64

    public init(bytesRead: Int64, totalBytes: Int64) {
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
    }
}
