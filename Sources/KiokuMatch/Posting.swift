/// One entry of an inverted list, packed in 32 bits as the index stores it: the
/// chunk-local document (upper 28 bits) and how often the token occurs in it (lower 4 bits,
/// capped at 15 — a saturated count means "at least 15").
struct Posting {
    static let countBits: UInt32 = 4
    static let countMask: UInt32 = (1 << countBits) - 1

    let raw: UInt32

    @inline(__always) init(raw: UInt32) { self.raw = raw }

    @inline(__always) init(document: Int, count: Int) {
        raw = UInt32(document) << Self.countBits | UInt32(min(count, Int(Self.countMask)))
    }

    /// The chunk-local document.
    @inline(__always) var document: Int { Int(raw >> Self.countBits) }

    /// How many of a query's `queryCount` occurrences of the token this document can match.
    @inline(__always) func shared(with queryCount: UInt16) -> UInt16 {
        let stored = UInt16(raw & Self.countMask)
        return stored == UInt16(Self.countMask) ? queryCount : min(queryCount, stored)
    }

    /// The smallest raw posting of `document`: the bound a list is searched by.
    @inline(__always) static func lowest(ofDocument document: Int) -> UInt32 {
        UInt32(document) << countBits
    }

    /// The posting one more occurrence would give (stays at the cap).
    @inline(__always) var incremented: Posting {
        raw & Self.countMask < Self.countMask ? Posting(raw: raw + 1) : self
    }
}
