import KiokuText

/// The result of aligning two documents: their sentences, the beads that pair them, and
/// what looked doubtful.
public struct Alignment: Sendable {
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    public var source: [AlignSentence]
    public var target: [AlignSentence]
    /// In document order; together they cover every sentence of both sides exactly once.
    public var beads: [Bead]
    /// Target characters per source character in these documents (the length model's ratio).
    public var lengthRatio: Double
    public var warnings: [AlignWarning]

    /// The text of a bead's source side: its sentences joined by a space (none between CJK).
    public func sourceText(of bead: Bead) -> String { PlainTextParagraphs.join(bead.source.map { source[$0].text }) }
    /// The text of a bead's target side.
    public func targetText(of bead: Bead) -> String { PlainTextParagraphs.join(bead.target.map { target[$0].text }) }
}
