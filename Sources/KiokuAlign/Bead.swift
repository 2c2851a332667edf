/// One step of an alignment: consecutive sentences of the source and of the target that
/// translate each other (1-1, 2-1, 1-2, 2-2, 3-1, 1-3), or a sentence with no counterpart
/// (1-0: only in the source; 0-1: only in the target).
public struct Bead: Sendable, Hashable, Codable {
    /// Indices into ``Alignment/source``; empty for 0-1.
    public var source: Range<Int>
    /// Indices into ``Alignment/target``; empty for 1-0.
    public var target: Range<Int>
    /// How sure the aligner is, from 0 to 1: for a pairing, that the sides translate each other;
    /// for a 1-0 or 0-1, that the sentence really has no counterpart.
    public var score: Double

    public init(source: Range<Int>, target: Range<Int>, score: Double) {
        self.source = source
        self.target = target
        self.score = score
    }

    /// "1-1", "2-1", "1-0"…
    public var shape: String { "\(source.count)-\(target.count)" }

    /// True when both sides have sentences.
    public var isPair: Bool { !source.isEmpty && !target.isEmpty }
}
