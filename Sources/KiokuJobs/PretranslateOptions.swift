import KiokuTerms

/// How `kioku pretranslate` applies a TM.
public struct PretranslateOptions: Sendable {
    /// The lowest score that fills a target (100 by default: exact and context matches only).
    public var fill: Int
    /// The lowest score offered as a candidate.
    public var minimum: Int
    /// How many candidates a segment gets at most.
    public var maximumCandidates: Int
    /// Replace targets that are already translated too.
    public var overwrite: Bool
    /// The glossary every filled target is checked against (findings become notes).
    public var glossary: Glossary?

    public init(fill: Int = 100, minimum: Int = 70, maximumCandidates: Int = 3, overwrite: Bool = false, glossary: Glossary? = nil) {
        self.fill = fill
        self.minimum = minimum
        self.maximumCandidates = maximumCandidates
        self.overwrite = overwrite
        self.glossary = glossary
    }
}
