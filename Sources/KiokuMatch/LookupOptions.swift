/// How to look up.
public struct LookupOptions: Sendable {
    /// The lowest score returned (0–100).
    public var minimumScore: Int
    /// How many matches at most.
    public var maximumResults: Int
    /// The caller's context (the previous source segment): an exact match whose unit has
    /// the same context scores 101.
    public var context: String?
    /// Scan every unit instead of using the index (slow; for checking the index).
    public var exhaustive: Bool
    /// Let one large search use both cores (off for servers that already run lookups side by side).
    public var parallel: Bool
    /// Whether each match carries its word diff against the query (``FuzzyMatch/diff``; empty
    /// when off). Callers that show no diff (tmserver answers, analysis, pre-translation)
    /// turn it off and save its cost.
    public var wordDiff: Bool
    /// How candidate search counts shared tokens (tests force each way; both find the same).
    var counting: CandidateSearch.Counting = .automatic

    public init(minimumScore: Int = 70, maximumResults: Int = 5, context: String? = nil, exhaustive: Bool = false,
                parallel: Bool = true, wordDiff: Bool = true) {
        self.minimumScore = minimumScore
        self.maximumResults = maximumResults
        self.context = context
        self.exhaustive = exhaustive
        self.parallel = parallel
        self.wordDiff = wordDiff
    }
}
