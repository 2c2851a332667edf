import KiokuText

/// One problem a QA sweep found in one unit (for a conflict: the first unit of the group, the
/// others in `relatedUnits`).
public struct QAFinding: Sendable, Hashable, Codable {
    public var kind: QAKind
    public var unit: Int64
    public var source: String
    public var target: String
    public var sourceLanguage: String
    public var targetLanguage: String
    /// What exactly is wrong, in a line ("1956 ≠ 1965", "ratio 4.1, the pair's median 1.1").
    public var detail: String
    public var relatedUnits: [Int64]

    public init(kind: QAKind, unit: Int64, source: String, target: String, sourceLanguage: LanguageTag,
                targetLanguage: LanguageTag, detail: String, relatedUnits: [Int64] = []) {
        self.kind = kind
        self.unit = unit
        self.source = source
        self.target = target
        self.sourceLanguage = sourceLanguage.description
        self.targetLanguage = targetLanguage.description
        self.detail = detail
        self.relatedUnits = relatedUnits
    }
}
