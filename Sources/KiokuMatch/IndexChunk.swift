import KiokuMemory

/// Up to ``capacity`` indexed documents (one document = one variant of a unit in the
/// index's language): their token-id sequences and, for each token, the documents
/// that contain it (a compressed-sparse-row inverted list, dense by token id).
///
/// Chunks are immutable once full; only the last chunk of a language grows, and it
/// is rewritten whole when an import adds to it. Stored in the TM file as one blob.
struct IndexChunk: Sendable {
    static let capacity = 1 << 16

    /// Each document's ``VariantKey``, packed (the blob's form).
    var documents: [Int64] = []
    /// Each document's ``PunctuationMark``, raw: ranking's bound on a hit's score.
    var marks: [UInt8] = []
    /// Start of each document's tokens in `tokens`; one more entry than documents.
    var offsets: [UInt32] = [0]
    var tokens: [UInt32] = []
    /// Start of each token id's postings; `postingStarts.count - 1` bounds the token ids.
    var postingStarts: [UInt32] = [0]
    /// Each token's ``Posting``s, raw, ascending by document within a token.
    var postings: [UInt32] = []
    /// Documents whose unit was deleted or edited (tombstones), a bit each; empty when none.
    /// They stay in the lists until the chunk is compacted; searches pass over them. Saved
    /// apart from the chunk's blob (``deadBytes()``), so a deletion rewrites a few bytes.
    var dead: [UInt64] = []
    private(set) var deadCount = 0
    /// For each length up to the longest document's, the first document at least that many
    /// tokens long, then the count: documents are sorted by length, so a search knows a
    /// document's length without reading its offsets (a cache miss per document at 1M).
    private(set) var lengthStarts: [UInt32] = [0]
    /// For each length in ``lengthStarts``, where the tokens of its first document start: a
    /// document's tokens follow from its number and length (``tokenStart(of:length:)``), and a
    /// search does not read `offsets` (another cache miss per document at 1M).
    private(set) var lengthTokenStarts: [UInt32] = [0]

    /// Documents, dead ones included (local document numbers run below this).
    var count: Int { documents.count }
    var liveCount: Int { documents.count - deadCount }
    var isFull: Bool { documents.count >= Self.capacity }

    func isDead(_ document: Int) -> Bool {
        !dead.isEmpty && dead[document >> 6] & (1 << UInt64(document & 63)) != 0
    }

    /// Marks the documents of `units` dead; returns how many were newly marked.
    mutating func kill(units: Set<UnitID>, range: ClosedRange<UnitID>) -> Int {
        var killed = 0
        for document in 0..<count where !isDead(document) {
            let unit = VariantKey(packed: documents[document]).unitID
            guard range.contains(unit), units.contains(unit) else { continue }
            if dead.isEmpty { dead = [UInt64](repeating: 0, count: (count + 63) >> 6) }
            dead[document >> 6] |= 1 << UInt64(document & 63)
            killed += 1
        }
        deadCount += killed
        return killed
    }

    /// The chunk without its dead documents (their lists rebuilt).
    func compacted() -> IndexChunk {
        var chunk = IndexChunk()
        var live: [ChunkDocument] = []
        live.reserveCapacity(liveCount)
        for document in 0..<count where !isDead(document) {
            live.append(ChunkDocument(key: key(of: document), tokens: Array(tokens[Int(offsets[document])..<Int(offsets[document + 1])]),
                                      punctuation: mark(of: document)))
        }
        chunk.append(live)
        return chunk
    }

    func length(of document: Int) -> Int { Int(offsets[document + 1] - offsets[document]) }

    /// The length of a document known to lie in `lengths`, found in ``lengthStarts``.
    @inline(__always)
    func length(of document: Int, within lengths: ClosedRange<Int>) -> Int {
        var low = lengths.lowerBound, high = min(lengths.upperBound, lengthStarts.count - 2)
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(lengthStarts[middle]) <= document { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Where the tokens of `document`, `length` tokens long, start in `tokens`: documents of one
    /// length lie side by side, and so do their tokens.
    @inline(__always)
    func tokenStart(of document: Int, length: Int) -> Int {
        Int(lengthTokenStarts[length]) + (document - Int(lengthStarts[length])) * length
    }

    /// Fills ``lengthStarts`` and ``lengthTokenStarts``; false when the offsets go backwards or the
    /// documents are not sorted by length (a damaged blob).
    mutating func indexLengths() -> Bool {
        var starts: [UInt32] = []
        starts.reserveCapacity(256)
        for document in 0..<count {
            guard offsets[document] <= offsets[document + 1] else { return false }
            let length = self.length(of: document)
            guard length + 1 >= starts.count else { return false }
            while starts.count <= length { starts.append(UInt32(document)) }
        }
        starts.append(UInt32(count))
        lengthStarts = starts
        lengthTokenStarts = starts.map { offsets[Int($0)] }
        return true
    }

    /// The variant a chunk-local document stands for.
    func key(of document: Int) -> VariantKey { VariantKey(packed: documents[document]) }

    /// The mark of a chunk-local document's punctuation.
    func mark(of document: Int) -> PunctuationMark { PunctuationMark(raw: marks[document]) }

    /// The postings of `token` in this chunk (empty when absent).
    func postingRange(of token: UInt32) -> Range<Int> {
        let id = Int(token)
        guard id + 1 < postingStarts.count else { return 0..<0 }
        return Int(postingStarts[id])..<Int(postingStarts[id + 1])
    }

    /// The postings of `token` whose documents lie in `documents` (lists are sorted by
    /// document, and documents by length, so this is the part of the list whose lengths can match).
    /// Each bound is sought from where an even spread of the list would put it, galloping out
    /// and then halving: a plain binary search over a long list took a cache miss a step, for
    /// every list of every chunk (a quarter of a 1M search).
    func postingRange(of token: UInt32, documents: Range<Int>, in postings: UnsafeBufferPointer<UInt32>) -> Range<Int> {
        let whole = postingRange(of: token)
        guard !whole.isEmpty, count > 0 else { return whole }
        if documents.lowerBound == 0, documents.upperBound >= count { return whole }
        func guess(_ document: Int) -> Int { whole.lowerBound + Int(Int64(whole.count) * Int64(document) / Int64(count)) }
        let low = Self.firstPosting(notBelow: Posting.lowest(ofDocument: documents.lowerBound), in: whole,
                                    near: guess(documents.lowerBound), postings)
        let high = Self.firstPosting(notBelow: Posting.lowest(ofDocument: documents.upperBound), in: low..<whole.upperBound,
                                     near: guess(documents.upperBound), postings)
        return low..<high
    }

    /// The first position in `range` whose posting is at least `value` (the range is sorted),
    /// found by galloping from `guess`, then by halving what is left.
    @inline(__always)
    static func firstPosting(notBelow value: UInt32, in range: Range<Int>, near guess: Int,
                             _ postings: UnsafeBufferPointer<UInt32>) -> Int {
        // the answer lies in low...high: everything before low is below value, from high on it is not
        var low = range.lowerBound, high = range.upperBound
        if high - low > 64 {
            var probe = min(max(guess, low), high - 1), step = 8
            if postings[probe] < value {
                low = probe + 1
                while probe + step < high {
                    let next = probe + step
                    if postings[next] < value { low = next + 1; probe = next; step <<= 1 } else { high = next; break }
                }
            } else {
                high = probe
                while probe - step >= low {
                    let next = probe - step
                    if postings[next] >= value { high = next; probe = next; step <<= 1 } else { low = next + 1; break }
                }
            }
        }
        while low < high {
            let middle = (low + high) / 2
            if postings[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Appends documents and rebuilds the inverted lists. Documents are kept sorted by
    /// length, so that a search reads only the part of each list whose lengths can match.
    /// Dead documents stay dead.
    mutating func append(_ newDocuments: [ChunkDocument]) {
        var all: [(key: Int64, tokens: ArraySlice<UInt32>, mark: UInt8, dead: Bool)] = []
        all.reserveCapacity(count + newDocuments.count)
        for document in 0..<count {
            all.append((documents[document], tokens[Int(offsets[document])..<Int(offsets[document + 1])], marks[document], isDead(document)))
        }
        for document in newDocuments { all.append((document.key.packed, document.tokens[...], document.punctuation.raw, false)) }
        all.sort { $0.tokens.count != $1.tokens.count ? $0.tokens.count < $1.tokens.count : $0.key < $1.key }
        var newTokens: [UInt32] = []
        newTokens.reserveCapacity(tokens.count + newDocuments.reduce(0) { $0 + $1.tokens.count })
        documents = []
        documents.reserveCapacity(all.count)
        marks = []
        marks.reserveCapacity(all.count)
        offsets = [0]
        offsets.reserveCapacity(all.count + 1)
        dead = deadCount == 0 ? [] : [UInt64](repeating: 0, count: (all.count + 63) >> 6)
        for (number, document) in all.enumerated() {
            documents.append(document.key)
            marks.append(document.mark)
            newTokens.append(contentsOf: document.tokens)
            offsets.append(UInt32(newTokens.count))
            if document.dead { dead[number >> 6] |= 1 << UInt64(number & 63) }
        }
        tokens = newTokens
        _ = indexLengths()  // sorted just above
        rebuildPostings()
    }

    /// The chunk of documents given back to back — each one's key and punctuation mark, and where
    /// each one's tokens start in `tokens` (one more offset than keys) — sorted by length and key as
    /// ``append(_:)`` sorts them, without its inverted lists: an import's segment
    /// becomes one while the import runs (``ImportedDocuments``). Keys that rise (as an import's
    /// do) are sorted by length alone, in one counting pass, with no array per document.
    init(keys: [Int64], marks: [UInt8], offsets: [UInt32], tokens: [UInt32]) {
        let count = keys.count
        precondition(marks.count == count, "a mark for each document")
        precondition(offsets.count == count + 1 && offsets.first == 0 && Int(offsets[count]) == tokens.count
                     && zip(offsets, offsets.dropFirst()).allSatisfy { $0 <= $1 }, "offsets that do not cover the tokens")
        func length(_ document: Int) -> Int { Int(offsets[document + 1] - offsets[document]) }
        var order: [Int]
        if zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }) {
            // A stable counting sort by length keeps the rising keys in order within a length.
            let longest = (0..<count).reduce(0) { max($0, length($1)) }
            var starts = [Int](repeating: 0, count: longest + 2)
            for document in 0..<count { starts[length(document) + 1] += 1 }
            for length in 0...longest { starts[length + 1] += starts[length] }
            order = [Int](repeating: 0, count: count)
            for document in 0..<count {
                order[starts[length(document)]] = document
                starts[length(document)] += 1
            }
        } else {
            order = (0..<count).sorted { length($0) != length($1) ? length($0) < length($1) : keys[$0] < keys[$1] }
        }
        self.init()
        documents = order.map { keys[$0] }
        self.marks = order.map { marks[$0] }
        offsets.withUnsafeBufferPointer { from in
            tokens.withUnsafeBufferPointer { source in
                var sorted = [UInt32](repeating: 0, count: Int(from[count]) - Int(from[0]))
                var ends = [UInt32](repeating: 0, count: count + 1)
                sorted.withUnsafeMutableBufferPointer { target in
                    var written = 0
                    for (position, document) in order.enumerated() {
                        let start = Int(from[document]), end = Int(from[document + 1])
                        if end > start {
                            target.baseAddress!.advanced(by: written).update(from: source.baseAddress!.advanced(by: start), count: end - start)
                        }
                        written += end - start
                        ends[position + 1] = UInt32(written)
                    }
                }
                self.tokens = sorted
                self.offsets = ends
            }
        }
        _ = indexLengths()  // sorted just above
    }

    /// The local documents whose length lies in `lengths` (documents are sorted by length).
    func documents(withLengths lengths: ClosedRange<Int>) -> Range<Int> {
        // lengthStarts[L]: the first document at least L tokens long; past the longest, the count
        func firstDocument(atLeast length: Int) -> Int { length < lengthStarts.count ? Int(lengthStarts[max(0, length)]) : count }
        let start = firstDocument(atLeast: lengths.lowerBound)
        let end = lengths.upperBound >= lengthStarts.count - 1 ? count : firstDocument(atLeast: lengths.upperBound + 1)
        return start..<max(start, end)
    }

    /// The first document longer than `length` tokens (the count when none is; 0 for a negative length).
    func firstDocument(longerThan length: Int) -> Int {
        length + 1 < lengthStarts.count ? Int(lengthStarts[max(0, length + 1)]) : count
    }

    /// The most tokens a document has (0 when there is none).
    var longestDocument: Int { max(0, lengthStarts.count - 2) }

    /// Builds the inverted lists from the documents' tokens: a counting sort, token by token in
    /// document order. Each token's state is one word — the last document it was met in (plus
    /// one; 0 for none) in the upper half, its number of documents and then where its next
    /// posting goes in the lower — so a token met costs one random access where it cost two in
    /// the counting pass and three in the filling one. With a news TM's vocabulary (500,000
    /// words) those arrays outgrow the cache, and rebuilding the lists is most of opening a TM.
    mutating func rebuildPostings() {
        let bound = Int(tokens.max() ?? 0) + 1
        let seenMask: UInt64 = 0xFFFF_FFFF_0000_0000
        var state = [UInt64](repeating: 0, count: bound)
        var starts = [UInt32](repeating: 0, count: bound + 1)
        var postings: [UInt32] = []
        let documents = count
        tokens.withUnsafeBufferPointer { tokens in
            offsets.withUnsafeBufferPointer { offsets in
                state.withUnsafeMutableBufferPointer { state in
                    // Pass 1: in how many documents does each token occur?
                    for document in 0..<documents {
                        let seen = UInt64(document + 1) << 32
                        for position in Int(offsets[document])..<Int(offsets[document + 1]) {
                            let token = Int(tokens[position])
                            let current = state[token]
                            if current & seenMask != seen { state[token] = seen | ((current & ~seenMask) + 1) }
                        }
                    }
                    // Each token's list starts where the ones before it end; its cursor starts there.
                    var total: UInt32 = 0
                    for token in 0..<bound {
                        starts[token] = total
                        total += UInt32(truncatingIfNeeded: state[token])
                        state[token] = UInt64(starts[token])
                    }
                    starts[bound] = total
                    // Pass 2: one posting per (token, document), its count raised on repeats.
                    postings = [UInt32](unsafeUninitializedCapacity: Int(total)) { postings, initialized in
                        for document in 0..<documents {
                            let seen = UInt64(document + 1) << 32
                            let first = Posting(document: document, count: 1).raw
                            for position in Int(offsets[document])..<Int(offsets[document + 1]) {
                                let token = Int(tokens[position])
                                let current = state[token]
                                let cursor = Int(truncatingIfNeeded: current & ~seenMask)
                                if current & seenMask != seen {
                                    postings[cursor] = first
                                    state[token] = seen | UInt64(cursor + 1)
                                } else {
                                    postings[cursor - 1] = Posting(raw: postings[cursor - 1]).incremented.raw
                                }
                            }
                        }
                        initialized = Int(total)
                    }
                }
            }
        }
        postingStarts = starts
        self.postings = postings
    }

    /// Takes saved dead bits; false when they cannot be this chunk's (a damaged index).
    mutating func setDead(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count == ((count + 63) >> 6) * 8 else { return false }
        var words = [UInt64](repeating: 0, count: bytes.count / 8)
        for index in words.indices {
            var word: UInt64 = 0
            for byte in 0..<8 { word |= UInt64(bytes[index * 8 + byte]) << (8 * UInt64(byte)) }
            words[index] = word
        }
        let tail = count & 63
        if tail != 0, let last = words.last, last >> UInt64(tail) != 0 { return false }  // bits beyond the last document
        dead = words
        deadCount = words.reduce(0) { $0 + $1.nonzeroBitCount }
        if deadCount == 0 { dead = [] }
        return true
    }

    init() {}
}
