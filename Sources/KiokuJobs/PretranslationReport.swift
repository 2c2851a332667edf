/// What a pre-translation did, segment counts by outcome.
public struct PretranslationReport: Sendable, Codable, Hashable {
    public var segments = 0
    /// Targets filled, by `SegmentFill.Quality` raw value (`context-match`, `exact-match`, …).
    public var filled: [String: Int] = [:]
    /// Segments that got candidates but no target (below `--fill`, codes that could not be placed,
    /// or a PO plural entry whose forms the TM does not hold).
    public var candidatesOnly = 0
    /// Of those, segments whose best match reached `--fill` but whose codes could not be placed.
    public var codesNotPlaced = 0
    /// Segments already translated and left alone (no `--overwrite`).
    public var keptTranslated = 0
    public var noMatch = 0
    /// Glossary findings written as notes.
    public var glossaryNotes = 0

    public init() {}

    public var filledTotal: Int { filled.values.reduce(0, +) }
}
