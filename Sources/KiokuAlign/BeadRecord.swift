/// One bead as a JSON line (`kioku align --json`): the texts, where they are, the shape and score.
public struct BeadRecord: Codable, Sendable, Hashable {
    public var source: String
    public var target: String
    public var shape: String
    public var score: Double
    /// Sentence indices (0-based) on each side.
    public var sourceSentences: [Int]
    public var targetSentences: [Int]
    /// Paragraph indices (0-based) on each side.
    public var sourceParagraphs: [Int]
    public var targetParagraphs: [Int]

    enum CodingKeys: String, CodingKey {
        case source, target, shape, score
        case sourceSentences = "source_sentences", targetSentences = "target_sentences"
        case sourceParagraphs = "source_paragraphs", targetParagraphs = "target_paragraphs"
    }
}

extension Alignment {
    /// Every bead, omissions included, in document order.
    public var records: [BeadRecord] {
        beads.map { bead in
            BeadRecord(source: sourceText(of: bead), target: targetText(of: bead), shape: bead.shape,
                       score: (bead.score * 1000).rounded() / 1000,
                       sourceSentences: Array(bead.source), targetSentences: Array(bead.target),
                       sourceParagraphs: Array(Set(bead.source.map { source[$0].paragraph })).sorted(),
                       targetParagraphs: Array(Set(bead.target.map { target[$0].paragraph })).sorted())
        }
    }
}
