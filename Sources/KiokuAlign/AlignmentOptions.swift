import KiokuTerms

/// How ``Aligner`` works: which evidence it uses besides sentence length.
public struct AlignmentOptions: Sendable {
    /// Treat paragraph breaks that fall together on both sides as strong hints (a bead rarely
    /// crosses a paragraph break on one side only). Off: each document is one run of sentences.
    public var usesParagraphs: Bool
    /// The kinds of anchor to score (all by default; fewer for an ablation).
    public var anchorKinds: Set<AnchorKind>
    /// Names and places: a concept found on both sides anchors the pair (inflections included).
    public var glossary: Glossary?
    /// Sentence pairs already translated (a TM's units, source text first), from which a small
    /// bilingual lexicon is learned and used as anchors.
    public var knownPairs: [(source: String, target: String)]

    public init(usesParagraphs: Bool = true, anchorKinds: Set<AnchorKind> = Set(AnchorKind.allCases), glossary: Glossary? = nil,
                knownPairs: [(source: String, target: String)] = []) {
        self.usesParagraphs = usesParagraphs
        self.anchorKinds = anchorKinds
        self.glossary = glossary
        self.knownPairs = knownPairs
    }
}
