import KiokuText

/// The query's tokens as the search sees them: distinct known tokens numbered as symbols
/// 1…k in the scratch tables (unknown tokens share one symbol no document has), with their
/// counts, and the edit-distance pattern over those symbols.
struct QueryTables {
    var distinct: [UInt32] = []
    var counts: [UInt32: Int] = [:]
    let pattern: BitParallelPattern

    init(tokens: [UInt32], scratch: SearchScratch) {
        for token in tokens where token != LanguageIndex.unknownToken {
            if counts[token] == nil { distinct.append(token) }
            counts[token, default: 0] += 1
        }
        for (number, token) in distinct.enumerated() {
            scratch.symbolOfToken[Int(token)] = UInt16(number + 1)
            scratch.queryCountOfToken[Int(token)] = UInt8(min(counts[token]!, 255))
        }
        let unknownSymbol = distinct.count + 1
        let symbols = tokens.map { token in
            token == LanguageIndex.unknownToken ? unknownSymbol : Int(scratch.symbolOfToken[Int(token)])
        }
        pattern = BitParallelPattern(symbols: symbols, symbolCount: unknownSymbol)
    }

    /// Resets the scratch tables for the next query.
    func clear(_ scratch: SearchScratch) {
        for token in distinct {
            scratch.symbolOfToken[Int(token)] = 0
            scratch.queryCountOfToken[Int(token)] = 0
        }
    }
}
