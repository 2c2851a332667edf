/// A streaming source of translation units: every format reader is one.
public protocol UnitReader: AnyObject {
    /// Notices for the user that are not errors (e.g. which source language was assumed).
    var notices: [ReaderNotice] { get }
    /// The next unit or skip; nil at the end of the input.
    func next() throws(FormatError) -> ReadItem?
    /// How far through its input the reader is, for progress bars.
    var progress: ReadProgress { get }
}

/// How much of a reader's input has been consumed.
public struct ReadProgress: Sendable, Hashable {
    public var bytesRead: Int64
    public var totalBytes: Int64

    public init(bytesRead: Int64, totalBytes: Int64) {
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
    }
}
