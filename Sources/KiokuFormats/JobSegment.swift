/// One segment of a job file to be translated: its source with inline codes, the target it
/// has already, and where it sits.
public struct JobSegment: Sendable, Hashable {
    /// The segment's id in the file: the XLIFF unit id (`unit#segment` when a 2.0 unit has
    /// several segments), or the PO entry's msgctxt and msgid line.
    public var id: String
    public var source: Segment
    /// The target the file has already, if any (empty targets are nil).
    public var target: Segment?
    /// True when the target counts as translated (XLIFF: not `new`/`needs-translation`/`initial`;
    /// PO: every msgstr filled and not `#, fuzzy`). Pre-translation leaves these alone unless told.
    public var isTranslated: Bool
    /// The source text of the segment before it in the file (a segment's context for 101 % matches).
    public var context: String?
    /// The line the segment starts at, for messages.
    public var line: Int
    /// A PO entry's `msgid_plural`: the entry needs a translation for each plural form.
    public var pluralSource: String?
    /// Where the document patches this segment (internal to the readers and writers).
    var place: Int

    /// All source text a translator translates in this segment (both forms of a plural entry).
    public var countedText: String {
        pluralSource.map { source.text + " " + $0 } ?? source.text
    }
}
