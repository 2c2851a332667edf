import KiokuMemory

/// One document as an ``IndexChunk`` takes it: the variant it stands for, its tokens as the
/// index's ids, and the mark of its punctuation.
struct ChunkDocument: Sendable {
    var key: VariantKey
    var tokens: [UInt32]
    var punctuation: PunctuationMark
}
