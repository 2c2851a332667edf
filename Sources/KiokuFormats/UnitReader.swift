/// A streaming source of translation units: every format reader is one.
public protocol UnitReader: AnyObject {
    /// Notices for the user that are not errors (e.g. which source language was assumed).
    var notices: [ReaderNotice] { get }
    /// The next unit or skip; nil at the end of the input.
    func next() throws(FormatError) -> ReadItem?
    /// How far through its input the reader is, for progress bars.
    var progress: ReadProgress { get }
}
