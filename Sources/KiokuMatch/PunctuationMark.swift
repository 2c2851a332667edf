/// One byte standing for a text's punctuation: the punctuation and symbols of its matching
/// form, in order (what ``ScoringForm/punctuation`` holds), hashed (FNV-1a, folded to 8 bits).
///
/// The index keeps each document's mark, so ranking knows without reading a hit's text that
/// its punctuation differs from the query's whenever their marks differ: the hit then loses
/// the point ``MatchScoring`` takes for that, and ranks below every hit of its base score that
/// keeps it. Equal marks say nothing (two punctuations in 256 share one); the text decides.
struct PunctuationMark: Hashable, Sendable {
    let raw: UInt8

    init(raw: UInt8) {
        self.raw = raw
    }

    /// The mark of punctuation bytes given in order, in one piece or several.
    struct Hasher {
        private var state: UInt32 = 2_166_136_261

        mutating func add(_ bytes: some Sequence<UInt8>) {
            for byte in bytes { state = (state ^ UInt32(byte)) &* 16_777_619 }
        }

        var mark: PunctuationMark {
            let folded = state ^ (state >> 16)
            return PunctuationMark(raw: UInt8(truncatingIfNeeded: folded ^ (folded >> 8)))
        }
    }

    /// The mark of `punctuation` (the bytes of ``ScoringForm/punctuation`` or ``MatchForm/punctuation``).
    init(_ punctuation: some Sequence<UInt8>) {
        var hasher = Hasher()
        hasher.add(punctuation)
        self = hasher.mark
    }
}
