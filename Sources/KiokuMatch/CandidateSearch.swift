import CPrefetch
import Dispatch
import KiokuConcurrency
import KiokuMemory
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
        var key: VariantKey
        var base: Int
        /// The edit distance and the longer length, for ordering within one percentage.
        var distance: Int
        var longest: Int
        /// The mark of the document's punctuation (``Ranking`` bounds the final score with it).
        var punctuation: PunctuationMark
    }

    /// How a chunk counts shared tokens: chosen per chunk by list length, or forced (tests
    /// run both to prove they find the same).
    enum Counting: Sendable { case automatic, sparse, dense }

    let index: LanguageSnapshot
    let queryTokens: [UInt32]
    let minimum: Int
    var counting: Counting = .automatic

    /// Above this many postings in the opening lists, a search uses both cores.
    static let parallelThreshold = 16_384
    /// Lists up to this many times the opening lists' postings are read to sharpen the counts:
    /// a posting costs less than verifying a document the count could have ruled out (2 and 3
    /// tied at 1M, `Benchmarks/lookup-speed.sh`, and 1 left the p99 three times higher; with the
    /// prefix filter by length, 2 was 1–2 % faster than 3 or 4).
    static let sharpening = 2

    /// Searches every chunk. With a `helper` scratch and enough work, the chunks are split
    /// between two threads (the lists of a low threshold can run to 100k postings).
    func run(scratch: SearchScratch, helper: SearchScratch? = nil) -> [Hit] {
        guard !queryTokens.isEmpty else { return [] }
        scratch.prepare(tokenBound: Int(index.nextTokenID) + 1, longestDocument: index.longestDocument)
        let query = QueryTables(tokens: queryTokens, scratch: scratch)
        defer { query.clear(scratch) }
        guard let plan = plan(query) else { return [] }
        let chunks = index.chunks
        if let helper, chunks.count > 1, plan.prefixPostings >= Self.parallelThreshold {
            helper.prepare(tokenBound: Int(index.nextTokenID) + 1, longestDocument: index.longestDocument)
            var parts = [[Hit]](repeating: [], count: 2)
            parts.withUnsafeMutableBufferPointer { output in
                let shared = UncheckedSendable((self, plan, scratch, helper, output))
                DispatchQueue.concurrentPerform(iterations: 2) { part in
                    let (search, plan, tables, helper, output) = shared.value
                    var local: [Hit] = []
                    for number in stride(from: part, to: chunks.count, by: 2) {
                        search.searchChunk(chunks[number], plan, tables: tables, buffers: part == 0 ? tables : helper, hits: &local)
                    }
                    output[part] = local
                }
            }
            return parts[0] + parts[1]
        }
        var hits: [Hit] = []
        for chunk in chunks {
            searchChunk(chunk, plan, tables: scratch, buffers: scratch, hits: &hits)
        }
        return hits
    }

    /// A query list to read: its token, how often the query has it, and up to which length a
    /// document may enter the candidates through it (prefix); past that length, or for a list that
    /// opens none (`opensUpTo` −1), it only adds to a candidate's count.
    struct Probe {
        var token: UInt32
        var count: Int
        var opensUpTo: Int
    }

    /// What the chunks are searched with.
    struct Plan {
        var n: Int
        var lengths: ClosedRange<Int>
        var pattern: BitParallelPattern
        var probes: [Probe]
        /// Query tokens whose lists are not read (they may still be shared).
        var unprobed: Int
        /// Postings in the opening lists: the work the search will do.
        var prefixPostings: Int
    }

    /// The lists to read (rarest first, until the untaken rest could not reach the count alone,
    /// then short lists that only sharpen counts), or nil when no document can reach the minimum.
    /// A document longer than the query needs more: fewer lists may open it (the prefix filter
    /// by length), so fewer documents are touched.
    private func plan(_ query: QueryTables) -> Plan? {
        let n = queryTokens.count
        let required = MatchScoring.requiredShared(queryLength: n, candidateLength: 0, minimum: minimum)
        var knownTotal = query.distinct.reduce(0) { $0 + query.counts[$1]! }
        guard knownTotal >= required, required > 0 else { return nil }
        let byRarity = query.distinct.sorted { index.frequency(of: $0) < index.frequency(of: $1) }
        var probes: [Probe] = []
        var prefixPostings = 0
        var cursor = 0
        while cursor < byRarity.count, knownTotal >= required {
            let token = byRarity[cursor]
            // a longer candidate needs more shared tokens: ⌈m·t/100⌉ ≤ knownTotal, the most the
            // lists from this one on can give, bounds the lengths that may enter through it
            let opensUpTo = max(n, knownTotal * 100 / minimum)
            probes.append(Probe(token: token, count: query.counts[token]!, opensUpTo: opensUpTo))
            prefixPostings += Int(index.frequency(of: token))
            knownTotal -= query.counts[token]!
            cursor += 1
        }
        while cursor < byRarity.count, Int(index.frequency(of: byRarity[cursor])) <= prefixPostings * Self.sharpening {
            let token = byRarity[cursor]
            probes.append(Probe(token: token, count: query.counts[token]!, opensUpTo: -1))
            knownTotal -= query.counts[token]!
            cursor += 1
        }
        return Plan(n: n, lengths: MatchScoring.lengthRange(queryLength: n, minimum: minimum), pattern: query.pattern,
                    probes: probes, unprobed: knownTotal, prefixPostings: prefixPostings)
    }

    /// One chunk: `tables` holds the query's per-token tables (read only), `buffers` the
    /// per-thread counters.
    private func searchChunk(_ chunk: IndexChunk, _ plan: Plan, tables: SearchScratch, buffers: SearchScratch, hits: inout [Hit]) {
        let allowed = chunk.documents(withLengths: plan.lengths)
        guard !allowed.isEmpty else { return }
        let touchedCount = chunk.postings.withUnsafeBufferPointer { postings in
            let ranges = plan.probes.map { chunk.postingRange(of: $0.token, documents: allowed, in: postings) }
            let total = ranges.reduce(0) { $0 + $1.count }
            // dense pays a sweep of every allowed counter: worth it from a posting a document (half
            // a posting was 4 % slower at 1M `--min 50` once sparse counting stopped branching;
            // 2 and 4 were no better; EN–JA and 100k did not move)
            let sparse = counting == .automatic ? total < allowed.count : counting == .sparse
            guard sparse else { return countDense(plan, ranges, postings, allowed: allowed, buffers) }
            // each list opens the documents up to its length: they are sorted by length
            let openLimits = plan.probes.map { min(allowed.upperBound, chunk.firstDocument(longerThan: $0.opensUpTo)) }
            return countSparse(plan, ranges, postings, openLimits: openLimits, buffers)
        }
        verify(chunk, plan, touchedCount: touchedCount, tables: tables, buffers: buffers, hits: &hits)
    }

    /// Sparse counting (short lists): a document becomes a candidate on its first opening
    /// posting, and only candidates are counted afterwards. Returns how many were touched.
    private func countSparse(_ plan: Plan, _ ranges: [Range<Int>], _ postings: UnsafeBufferPointer<UInt32>,
                             openLimits: [Int], _ buffers: SearchScratch) -> Int {
        let counts = buffers.counts, touched = buffers.touched
        var touchedCount = 0
        // Without branches on the counter: whether a document is new cannot be predicted, and a
        // missed prediction cost more than the counter's load (perf, 1M `--min 50`). Every
        // document is written to `touched`, and a new one that may open is kept by moving the end
        // past it; one that may not open stays at 0.
        for ((probe, range), openLimit) in zip(zip(plan.probes, ranges), openLimits) {
            let queryCount = UInt16(probe.count)
            if queryCount == 1, openLimit == 0 {  // a list that opens nothing
                for position in range {
                    let document = Posting(raw: postings[position]).document
                    let before = counts[document]
                    counts[document] = before &+ (before == 0 ? 0 : 1)
                }
                continue
            }
            if queryCount == 1 {  // most query tokens: every posting adds one, its count unread
                for position in range {
                    let document = Posting(raw: postings[position]).document
                    let before = counts[document], opens = document < openLimit
                    touched[touchedCount] = Int32(document)
                    touchedCount &+= before == 0 && opens ? 1 : 0
                    counts[document] = before &+ (before != 0 || opens ? 1 : 0)
                }
                continue
            }
            if openLimit == 0 {
                for position in range {
                    let posting = Posting(raw: postings[position])
                    let document = posting.document
                    let before = counts[document]
                    counts[document] = before &+ (before == 0 ? 0 : posting.shared(with: queryCount))
                }
                continue
            }
            for position in range {
                let posting = Posting(raw: postings[position])
                let document = posting.document
                let before = counts[document], opens = document < openLimit
                touched[touchedCount] = Int32(document)
                touchedCount &+= before == 0 && opens ? 1 : 0
                counts[document] = before &+ (before != 0 || opens ? posting.shared(with: queryCount) : 0)
            }
        }
        return touchedCount
    }

    /// Dense counting (long lists, e.g. Japanese characters): every posting adds to its
    /// document's counter without a branch, then the counters of the allowed lengths are
    /// swept once; a document needs at least `required − unprobed` there. Finds the same
    /// candidates as sparse counting.
    private func countDense(_ plan: Plan, _ ranges: [Range<Int>], _ postings: UnsafeBufferPointer<UInt32>,
                            allowed: Range<Int>, _ buffers: SearchScratch) -> Int {
        let counts = buffers.counts, touched = buffers.touched
        for (probe, range) in zip(plan.probes, ranges) {
            let queryCount = UInt16(probe.count)
            if queryCount == 1 {
                for position in range { counts[Posting(raw: postings[position]).document] &+= 1 }
                continue
            }
            for position in range {
                let posting = Posting(raw: postings[position])
                counts[posting.document] &+= posting.shared(with: queryCount)
            }
        }
        let required = MatchScoring.requiredShared(queryLength: plan.n, candidateLength: 0, minimum: minimum)
        let floor = UInt16(clamping: max(1, required - plan.unprobed))
        var touchedCount = 0
        @inline(__always) func sweep(_ document: Int) {
            if counts[document] >= floor {
                touched[touchedCount] = Int32(document)
                touchedCount += 1
            } else {
                counts[document] = 0
            }
        }
        // four counters at a time: a word of zeros (no list named those documents) is passed over
        var document = allowed.lowerBound
        while document < allowed.upperBound, document & 3 != 0 {
            sweep(document)
            document += 1
        }
        let words = UnsafeRawPointer(counts.baseAddress!)
        while document + 4 <= allowed.upperBound {
            if words.loadUnaligned(fromByteOffset: document * 2, as: UInt64.self) != 0 {
                sweep(document); sweep(document + 1); sweep(document + 2); sweep(document + 3)
            }
            document += 4
        }
        while document < allowed.upperBound {
            sweep(document)
            document += 1
        }
        return touchedCount
    }

    /// Verification of the touched documents. First, without reading a document: its count
    /// from the lists, plus the query tokens not read, must reach what its length needs
    /// (lengths come from ``IndexChunk/lengthStarts``). Then, for those kept, the exact multiset
    /// count and the symbol sequence in one pass, and the edit distance for those that can
    /// still reach the minimum — their offsets and tokens fetched a few documents ahead, since
    /// at 1M each is a cache miss.
    private func verify(_ chunk: IndexChunk, _ plan: Plan, touchedCount: Int, tables: SearchScratch, buffers: SearchScratch,
                        hits: inout [Hit]) {
        let counts = buffers.counts, touched = buffers.touched
        let symbolOfToken = tables.symbolOfToken, queryCountOfToken = tables.queryCountOfToken
        let usedOfToken = buffers.usedOfToken, candidateSymbols = buffers.candidateSymbols
        let minimum = self.minimum, n = plan.n, unprobed = plan.unprobed
        let leastNeed = MatchScoring.requiredShared(queryLength: n, candidateLength: 0, minimum: minimum)
        let hasDead = chunk.deadCount > 0
        // Pass 1: the documents kept, packed back into `touched` (document, length).
        var kept = 0
        for slot in 0..<touchedCount {
            let doc = Int(touched[slot])
            let partial = Int(counts[doc])
            counts[doc] = 0
            guard partial + unprobed >= leastNeed else { continue }
            let m = chunk.length(of: doc, within: plan.lengths)
            guard partial + unprobed >= MatchScoring.requiredShared(queryLength: n, candidateLength: m, minimum: minimum),
                  !hasDead || !chunk.isDead(doc)  // a deleted unit, or the text before an edit
            else { continue }
            touched[kept] = Int32(bitPattern: UInt32(doc) | UInt32(min(m, Int(UInt16.max))) << 16)  // documents < 2¹⁶
            kept += 1
        }
        @inline(__always) func unpack(_ slot: Int) -> (doc: Int, m: Int) {
            let packed = UInt32(bitPattern: touched[slot])
            let doc = Int(packed & 0xFFFF), m = Int(packed >> 16)
            return (doc, m < Int(UInt16.max) ? m : chunk.length(of: doc))  // a document of 65,535 tokens or more
        }
        // Pass 2: counted and measured, tokens fetched 8 documents ahead (where they start follows
        // from the document's length: no read of `offsets`). A hit's document waits in `touched`
        // (at a slot already passed) until the end, when the keys are read: each is a cache miss,
        // and fetched together they overlap.
        let firstHit = hits.count
        chunk.tokens.withUnsafeBufferPointer { tokens in
            for slot in 0..<kept {
                if slot + 8 < kept {
                    let (ahead, length) = unpack(slot + 8)
                    kioku_prefetch(tokens.baseAddress! + chunk.tokenStart(of: ahead, length: length))
                }
                let (doc, m) = unpack(slot)
                let need = MatchScoring.requiredShared(queryLength: n, candidateLength: m, minimum: minimum)
                let start = chunk.tokenStart(of: doc, length: m), end = start + m
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
                let distance = plan.pattern.distance(to: UnsafeBufferPointer(rebasing: candidateSymbols[0..<m]))
                let base = MatchScoring.base(distance: distance, queryLength: n, candidateLength: m)
                if base >= minimum {
                    touched[hits.count - firstHit] = Int32(doc)  // hits of this chunk ≤ slots passed
                    hits.append(Hit(key: VariantKey(packed: 0), base: base, distance: distance, longest: max(n, m),
                                    punctuation: PunctuationMark(raw: 0)))
                }
            }
        }
        chunk.documents.withUnsafeBufferPointer { keys in
            for slot in 0..<(hits.count - firstHit) { kioku_prefetch(keys.baseAddress! + Int(touched[slot])) }
            for slot in 0..<(hits.count - firstHit) {
                let document = Int(touched[slot])
                hits[firstHit + slot].key = VariantKey(packed: keys[document])
                hits[firstHit + slot].punctuation = chunk.mark(of: document)
            }
        }
    }
}
