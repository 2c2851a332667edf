import KiokuMemory

/// A document ready for the index: token ids, with 0 for keys not yet in the vocabulary
/// (listed, in order, in `newKeys`).
struct TokenizedDocument: Sendable {
    let key: VariantKey
    let ids: [UInt32]
    let newKeys: [String]
    let punctuation: PunctuationMark
}
