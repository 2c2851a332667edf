/// Reusable per-thread buffers of a candidate search (dense by token id and by chunk-local
/// document). Raw buffers, so the hot loops run without bounds, exclusivity or uniqueness
/// checks; a ``Matcher`` lends them from a pool, one search at a time.
final class SearchScratch {
    let counts = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: IndexChunk.capacity)
    /// One slot more than a chunk has documents: sparse counting writes a document before it
    /// knows whether to keep it.
    let touched = UnsafeMutableBufferPointer<Int32>.allocate(capacity: IndexChunk.capacity + 1)
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

    /// Grows the tables for a vocabulary of `tokenBound` ids and documents up to `longestDocument` tokens.
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
