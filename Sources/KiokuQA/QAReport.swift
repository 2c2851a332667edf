/// What a QA sweep found: every finding, in unit order within each kind, and how much it checked.
public struct QAReport: Sendable, Codable {
    public var unitsChecked = 0
    /// Source–target variant pairs checked.
    public var pairsChecked = 0
    public var findings: [QAFinding] = []

    public init() {}

    /// How many findings of each kind (every kind listed, zeros too).
    public var counts: [QAKind: Int] {
        var counts = Dictionary(uniqueKeysWithValues: QAKind.allCases.map { ($0, 0) })
        for finding in findings { counts[finding.kind, default: 0] += 1 }
        return counts
    }
}
