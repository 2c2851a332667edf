import KiokuText

/// What a lookup searches: one language's index as it was when the lookup began.
struct LanguageSnapshot: Sendable {
    let vocabulary: TokenVocabulary
    let nextTokenID: UInt32
    let chunks: [IndexChunk]
    let documentFrequency: [UInt32]
    let longestDocument: Int

    /// The id of a class key for a query: unknown tokens get 0, which matches nothing.
    func lookupID(_ key: String) -> UInt32 {
        key == "#" ? LanguageIndex.numberToken : vocabulary[key] ?? LanguageIndex.unknownToken
    }

    func frequency(of token: UInt32) -> UInt32 {
        Int(token) < documentFrequency.count ? documentFrequency[Int(token)] : 0
    }
}
