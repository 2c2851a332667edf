/// Levenshtein distance between token-id sequences, bit-parallel (Myers 1999, with
/// Hyyrö's block formulation for patterns longer than 64 tokens).
///
/// The pattern (the query) is preprocessed once into per-token bit masks; each
/// candidate then costs one pass over its tokens.
struct BitParallelPattern {
    let length: Int
    private let blocks: Int
    /// masks[symbol * blocks + block]: where `symbol` occurs in the pattern.
    private var masks: [UInt64]
    /// The pattern's distinct symbols are numbered 1...k; 0 is "not in the pattern".
    let symbolCount: Int

    /// - Parameter symbols: the pattern as small symbol numbers (1...k), see `symbolCount`.
    init(symbols: [Int], symbolCount: Int) {
        length = symbols.count
        blocks = max(1, (symbols.count + 63) / 64)
        self.symbolCount = symbolCount
        masks = [UInt64](repeating: 0, count: (symbolCount + 1) * blocks)
        for (position, symbol) in symbols.enumerated() {
            masks[symbol * blocks + position / 64] |= 1 << UInt64(position % 64)
        }
    }

    /// The edit distance to `text`, given as symbol numbers (0 for tokens not in the pattern).
    func distance(to text: UnsafeBufferPointer<UInt16>) -> Int {
        if length == 0 { return text.count }
        if blocks == 1 { return singleBlock(text) }
        return multiBlock(text)
    }

    private func singleBlock(_ text: UnsafeBufferPointer<UInt16>) -> Int {
        var pv: UInt64 = length == 64 ? ~0 : (1 << UInt64(length)) - 1
        var mv: UInt64 = 0
        var score = length
        let high: UInt64 = 1 << UInt64(length - 1)
        masks.withUnsafeBufferPointer { masks in
            for symbol in text {
                let eq = masks[Int(symbol)]
                let xv = eq | mv
                let xh = (((eq & pv) &+ pv) ^ pv) | eq
                var ph = mv | ~(xh | pv)
                var mh = pv & xh
                if ph & high != 0 { score += 1 } else if mh & high != 0 { score -= 1 }
                ph = (ph << 1) | 1
                mh <<= 1
                pv = mh | ~(xv | ph)
                mv = ph & xv
            }
        }
        return score
    }

    private func multiBlock(_ text: UnsafeBufferPointer<UInt16>) -> Int {
        var pv = [UInt64](repeating: ~0, count: blocks)
        var mv = [UInt64](repeating: 0, count: blocks)
        let lastRows = length - (blocks - 1) * 64
        let lastHigh: UInt64 = 1 << UInt64(lastRows - 1)
        var score = length
        masks.withUnsafeBufferPointer { masks in
            for symbol in text {
                var carry = 1  // the top row grows by one per column
                let base = Int(symbol) * blocks
                for block in 0..<blocks {
                    var eq = masks[base + block]
                    let p = pv[block], m = mv[block]
                    let xv = eq | m
                    if carry < 0 { eq |= 1 }
                    let xh = (((eq & p) &+ p) ^ p) | eq
                    var ph = m | ~(xh | p)
                    var mh = p & xh
                    let high: UInt64 = block == blocks - 1 ? lastHigh : 1 << 63
                    var out = 0
                    if ph & high != 0 { out = 1 } else if mh & high != 0 { out = -1 }
                    ph <<= 1
                    mh <<= 1
                    if carry < 0 { mh |= 1 } else if carry > 0 { ph |= 1 }
                    pv[block] = mh | ~(xv | ph)
                    mv[block] = ph & xv
                    carry = out
                }
                score += carry
            }
        }
        return score
    }
}
