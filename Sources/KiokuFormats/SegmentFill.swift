/// What pre-translation writes into one job segment: a target (with the job's own inline
/// codes), the TM matches offered as candidates, and notes for the translator.
public struct SegmentFill: Sendable, Hashable {
    /// How a filled target came about; it decides the XLIFF `state`/`state-qualifier` and PO's `fuzzy`.
    public enum Quality: String, Sendable, Codable {
        /// 101: the TM unit's source and context (previous segment) both match.
        case contextMatch = "context-match"
        /// 100: the source matches.
        case exactMatch = "exact-match"
        /// Below 100, filled because it reached `--fill`.
        case fuzzyMatch = "fuzzy-match"
        /// The TM target with the job's numbers put in (the sources differ only in numbers).
        case adapted = "leveraged-tm"

        /// Whether the translation still needs a translator's look (PO `fuzzy`, XLIFF 2.0 `initial`).
        public var needsReview: Bool { self == .fuzzyMatch || self == .adapted }
    }

    /// The target's content, codes being the job source's own; nil when nothing is filled.
    public var target: [InlinePiece]?
    /// A PO plural entry's forms (`msgstr[0]`, `msgstr[1]`, …), when the TM holds them all.
    public var pluralTargets: [String]?
    public var quality: Quality
    /// The score of the match the target came from.
    public var score: Int
    /// The file the filled match was imported from.
    public var origin: String?
    public var candidates: [FillCandidate]
    /// Notes for the translator (glossary findings on the filled target).
    public var notes: [String]

    public init(target: [InlinePiece]?, pluralTargets: [String]? = nil, quality: Quality, score: Int, origin: String?,
                candidates: [FillCandidate], notes: [String]) {
        self.target = target
        self.pluralTargets = pluralTargets
        self.quality = quality
        self.score = score
        self.origin = origin
        self.candidates = candidates
        self.notes = notes
    }

    /// True when the fill writes a target.
    public var fills: Bool { target != nil || pluralTargets != nil }
}

/// A TM match offered to the translator (XLIFF `alt-trans`, `mtc:match`; a PO comment).
public struct FillCandidate: Sendable, Hashable {
    public var score: Int
    public var origin: String?
    /// The TM's source, as stored.
    public var source: Segment
    /// The TM's source and target with the job's codes put in, when they could be placed.
    public var placed: InlineCodeTransfer.Placed?
    /// The TM's target, as stored (written, with the TM's codes, when they could not be placed).
    public var storedTarget: Segment

    public init(score: Int, origin: String?, source: Segment, placed: InlineCodeTransfer.Placed?, storedTarget: Segment) {
        self.score = score
        self.origin = origin
        self.source = source
        self.placed = placed
        self.storedTarget = storedTarget
    }
}
