import KiokuFormats

/// What an import did.
public struct ImportReport: Sendable, Encodable {
    public var files: [String] = []
    /// Units stored anew.
    public var added = 0
    /// Units identical to one already in the TM (or earlier in the input): stored once.
    public var duplicates = 0
    /// Units the readers could not use, counted.
    public var skipped = 0
    /// The first skips, each with file, line and why.
    public var skips: [Skip] = []
    /// Notices from the readers (e.g. which srclang was assumed).
    public var notices: [ReaderNotice] = []
    /// Units a screen kept out, counted, and the first of them with why.
    public var rejected = 0
    public var rejections: [Skip] = []
    /// Units stored with a flag.
    public var flagged = 0
    /// Units in the TM after the import.
    public var unitsInMemory = 0

    public init() {}

    mutating func count(_ skip: Skip, listing limit: Int) {
        skipped += 1
        if skips.count < limit { skips.append(skip) }
    }
}
