import KiokuText

/// Where a glossary term stands in a text.
public struct TermOccurrence: Sendable, Hashable, Codable {
    public var conceptID: String
    /// The glossary's term.
    public var term: String
    public var status: TermStatus
    /// The text as it stands in the segment (an inflected form for Russian).
    public var found: String
    /// Offset and length in the segment, in Unicode scalars.
    public var start: Int
    public var length: Int
}
