import Dispatch
import KiokuText

/// Finds every indexed document whose base score against a query reaches the minimum —
/// exactly, with the filters of set-similarity search:
///
/// 1. **length**: a candidate of length m needs |n − m| ≤ d ≤ ⌊M·(100 − t)/100⌋;
/// 2. **count**: it shares at least ⌈M·t/100⌉ tokens (as multisets) with the query;
/// 3. **prefix**: so it contains one of the query's rarest tokens — enough of them that
///    the rest could not reach the count alone. Only those inverted lists are read;
///    a few more short lists sharpen the counts of the candidates found;
/// 4. **verification**: the exact count over the candidate's tokens, then the
///    bit-parallel edit distance, only for what survives.
struct CandidateSearch {
    struct Hit {
        var documentKey: Int64
        var base: Int
        /// The edit distance and the longer length, for ordering within one percentage.
        var distance: Int
        var longest: Int
    }

    let index: LanguageSnapshot
    let queryTokens: [UInt32]
    let minimum: Int

    /// Reusable per-thread buffers (dense by token id and by chunk-local document).
    /// Raw buffers, so the hot loops run without bounds, exclusivity or uniqueness checks.
    final class Scratch {
        let counts = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: IndexChunk.capacity)
        let touched = UnsafeMutableBufferPointer<Int32>.allocate(capacity: IndexChunk.capacity)
        private(set) var symbolOfToken = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: 0)
        private(set) var queryCountOfToken = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 0)
        private(set) var usedOfToken = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 0)
        private(set) var candidateSymbols = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: 1024)

        init() {
            counts.initialize(repeating: 0)
        }

        deinit {
            counts.deallocate(); touched.deallocate(); symbolOfToken.deallocate()
            queryCountOfToken.deallocate(); usedOfToken.deallocate(); candidateSymbols.deallocate()
        }

        func prepare(tokenBound: Int, longestDocument: Int) {
            if symbolOfToken.count < tokenBound {
                let size = max(tokenBound, symbolOfToken.count * 2)
                symbolOfToken.deallocate(); queryCountOfToken.deallocate(); usedOfToken.deallocate()
                symbolOfToken = .allocate(capacity: size); symbolOfToken.initialize(repeating: 0)
                queryCountOfToken = .allocate(capacity: size); queryCountOfToken.initialize(repeating: 0)
                usedOfToken = .allocate(capacity: size); usedOfToken.initialize(repeating: 0)
            }
            if candidateSymbols.count < longestDocument {
                candidateSymbols.deallocate()
                candidateSymbols = .allocate(capacity: longestDocument * 2)
            }
        }
    }

    /// Searches every chunk. With a `helper` scratch and enough work, the chunks are split
    /// between two threads (the lists of a low threshold can run to 100k postings).
    func run(scratch: Scratch, helper: Scratch? = nil) -> [Hit] {
        let n = queryTokens.count
        guard n > 0 else { return [] }
        scratch.prepare(tokenBound: Int(index.nextTokenID) + 1, longestDocument: index.longestDocument)

        // Distinct query tokens → symbols 1...k; unknown tokens share one symbol no document has.
        var distinct: [UInt32] = []
        var symbols: [Int] = []
        var counts: [UInt32: Int] = [:]
        for token in queryTokens where token != LanguageIndex.unknownToken {
            if counts[token] == nil { distinct.append(token) }
            counts[token, default: 0] += 1
        }
        for (number, token) in distinct.enumerated() {
            scratch.symbolOfToken[Int(token)] = UInt16(number + 1)
            scratch.queryCountOfToken[Int(token)] = UInt8(min(counts[token]!, 255))
        }
        defer {
            for token in distinct {
                scratch.symbolOfToken[Int(token)] = 0
                scratch.queryCountOfToken[Int(token)] = 0
            }
        }
        let unknownSymbol = distinct.count + 1
        for token in queryTokens {
            symbols.append(token == LanguageIndex.unknownToken ? unknownSymbol : Int(scratch.symbolOfToken[Int(token)]))
        }
        let pattern = BitParallelPattern(symbols: symbols, symbolCount: unknownSymbol)

        let lengths = MatchScoring.lengthRange(queryLength: n, minimum: minimum)
        let required = MatchScoring.requiredShared(queryLength: n, candidateLength: 0, minimum: minimum)
        var knownTotal = distinct.reduce(0) { $0 + counts[$1]! }
        guard knownTotal >= required, required > 0 else { return [] }

        // Prefix: rarest tokens first, until the untaken rest could not reach `required`.
        let byRarity = distinct.sorted { index.frequency(of: $0) < index.frequency(of: $1) }
        var probes: [(token: UInt32, count: Int, opens: Bool)] = []
        var prefixPostings = 0
        var cursor = 0
        while cursor < byRarity.count, knownTotal >= required {
            let token = byRarity[cursor]
            probes.append((token, counts[token]!, true))
            prefixPostings += Int(index.frequency(of: token))
            knownTotal -= counts[token]!
            cursor += 1
        }
        // Extension: short lists that only add to candidates' counts (never new candidates).
        while cursor < byRarity.count, Int(index.frequency(of: byRarity[cursor])) <= prefixPostings {
            let token = byRarity[cursor]
            probes.append((token, counts[token]!, false))
            knownTotal -= counts[token]!
            cursor += 1
        }
        let unprobed = knownTotal  // query tokens whose lists were not read

        let chunks = index.chunks
        if let helper, chunks.count > 1, prefixPostings >= Self.parallelThreshold {
            helper.prepare(tokenBound: Int(index.nextTokenID) + 1, longestDocument: index.longestDocument)
            var parts = [[Hit]](repeating: [], count: 2)
            parts.withUnsafeMutableBufferPointer { output in
                let output = UnsafeSendable(output)
                let shared = UnsafeSendable((self, probes, pattern, scratch, helper))
                DispatchQueue.concurrentPerform(iterations: 2) { part in
                    let (search, probes, pattern, tables, helper) = shared.value
                    var local: [Hit] = []
                    for number in stride(from: part, to: chunks.count, by: 2) {
                        search.searchChunk(chunks[number], probes: probes, unprobed: unprobed, n: n, lengths: lengths,
                                           pattern: pattern, tables: tables, buffers: part == 0 ? tables : helper, hits: &local)
                    }
                    output.value[part] = local
                }
            }
            return parts[0] + parts[1]
        }
        var hits: [Hit] = []
        for chunk in chunks {
            searchChunk(chunk, probes: probes, unprobed: unprobed, n: n, lengths: lengths, pattern: pattern,
                        tables: scratch, buffers: scratch, hits: &hits)
        }
        return hits
    }

    /// How a chunk counts shared tokens (chosen per chunk by list length; tests force each).
    enum Counting { case sparse, dense }
    nonisolated(unsafe) static var forcedCounting: Counting?

    /// Above this many postings in the opening lists, a search uses both cores.
    static let parallelThreshold = 16_384

    /// One chunk: `tables` holds the query's per-token tables (read only), `buffers` the
    /// per-thread counters.
    ///
    /// Counting runs in one of two ways. Sparse (short lists): a document enters the
    /// candidates on its first opening posting, and only candidates are visited afterwards.
    /// Dense (long lists, e.g. Japanese characters): every posting adds to its document's
    /// counter without a branch, and the counters of the allowed lengths are then swept
    /// once; a document needs at least `required − unprobed` there. Both find the same set.
    private func searchChunk(_ chunk: IndexChunk, probes: [(token: UInt32, count: Int, opens: Bool)], unprobed: Int, n: Int,
                             lengths: ClosedRange<Int>, pattern: BitParallelPattern, tables: Scratch, buffers: Scratch,
                             hits: inout [Hit]) {
        let counts = buffers.counts, touched = buffers.touched
        let allowed = chunk.documents(withLengths: lengths)
        guard !allowed.isEmpty else { return }
        let firstPosting = UInt32(allowed.lowerBound) << IndexChunk.countBits
        let endPosting = UInt32(allowed.upperBound) << IndexChunk.countBits
        var touchedCount = 0
        chunk.postings.withUnsafeBufferPointer { postings in
            // Each list is sorted by document, and documents by length: keep the allowed lengths.
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(probes.count)
            var total = 0
            for probe in probes {
                let whole = chunk.postingRange(of: probe.token)
                var low = whole.lowerBound, high = whole.upperBound
                while low < high {
                    let middle = (low + high) / 2
                    if postings[middle] < firstPosting { low = middle + 1 } else { high = middle }
                }
                var end = low
                var top = whole.upperBound
                while end < top {
                    let middle = (end + top) / 2
                    if postings[middle] < endPosting { end = middle + 1 } else { top = middle }
                }
                ranges.append(low..<end)
                total += end - low
            }
            let sparse = Self.forcedCounting.map { $0 == .sparse } ?? (total * 4 < allowed.count)
            if sparse {
                for (probe, range) in zip(probes, ranges) {
                    let queryCount = UInt16(probe.count)
                    let opens = probe.opens
                    for position in range {
                        let posting = postings[position]
                        let document = Int(posting >> IndexChunk.countBits)
                        let stored = UInt16(posting & IndexChunk.countMask)
                        let shared = stored == UInt16(IndexChunk.countMask) ? queryCount : min(queryCount, stored)
                        let before = counts[document]
                        if before == 0 {
                            guard opens else { continue }
                            touched[touchedCount] = Int32(document)
                            touchedCount += 1
                        }
                        counts[document] = before &+ shared
                    }
                }
            } else {
                for (probe, range) in zip(probes, ranges) {
                    let queryCount = UInt16(probe.count)
                    for position in range {
                        let posting = postings[position]
                        let stored = UInt16(posting & IndexChunk.countMask)
                        let document = Int(posting >> IndexChunk.countBits)
                        counts[document] &+= stored == UInt16(IndexChunk.countMask) ? queryCount : min(queryCount, stored)
                    }
                }
                let floor = UInt16(clamping: max(1, MatchScoring.requiredShared(queryLength: n, candidateLength: 0, minimum: self.minimum) - unprobed))
                for document in allowed {
                    if counts[document] >= floor {
                        touched[touchedCount] = Int32(document)
                        touchedCount += 1
                    } else {
                        counts[document] = 0
                    }
                }
            }
        }
        let symbolOfToken = tables.symbolOfToken, queryCountOfToken = tables.queryCountOfToken
        let usedOfToken = buffers.usedOfToken, candidateSymbols = buffers.candidateSymbols
        let minimum = self.minimum
        chunk.offsets.withUnsafeBufferPointer { offsets in
            chunk.tokens.withUnsafeBufferPointer { tokens in
                for slot in 0..<touchedCount {
                    let doc = Int(touched[slot])
                    let partial = Int(counts[doc])
                    counts[doc] = 0
                    let start = Int(offsets[doc]), end = Int(offsets[doc + 1])
                    let m = end - start
                    let need = MatchScoring.requiredShared(queryLength: n, candidateLength: m, minimum: minimum)
                    guard partial + unprobed >= need else { continue }
                    // Exact multiset count and the symbol sequence, in one pass.
                    var shared = 0
                    for position in start..<end {
                        let token = Int(tokens[position])
                        let symbol = symbolOfToken[token]
                        candidateSymbols[position - start] = symbol
                        if symbol != 0, usedOfToken[token] < queryCountOfToken[token] {
                            usedOfToken[token] += 1
                            shared += 1
                        }
                    }
                    for position in start..<end { usedOfToken[Int(tokens[position])] = 0 }
                    guard shared >= need else { continue }
                    let distance = pattern.distance(to: UnsafeBufferPointer(rebasing: candidateSymbols[0..<m]))
                    let base = MatchScoring.base(distance: distance, queryLength: n, candidateLength: m)
                    if base >= minimum {
                        hits.append(Hit(documentKey: chunk.documents[doc], base: base, distance: distance, longest: max(n, m)))
                    }
                }
            }
        }
    }
}
