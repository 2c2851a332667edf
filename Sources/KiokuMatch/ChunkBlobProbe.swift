/// What the `index-chunk` fuzz target runs: a saved chunk's bytes read as the index reads
/// them (from a TM file or a database, which may be damaged).
package enum ChunkBlobProbe {
    /// Reads `bytes` as a chunk's blob, its tokens held below `highestToken`; true when they
    /// read. A blob that reads must encode back to the same bytes, or this stops the program:
    /// the reader would then accept what the writer never writes.
    package static func reads(_ bytes: [UInt8], highestToken: UInt32 = 1 << 16) -> Bool {
        guard let chunk = bytes.withUnsafeBytes({ IndexChunk(encoded: $0, highestToken: highestToken) }) else { return false }
        precondition(chunk.encoded() == bytes, "a chunk blob read, but encodes to other bytes")
        // every length's documents and tokens as the search finds them
        for document in 0..<chunk.count {
            let length = chunk.length(of: document)
            precondition(chunk.tokenStart(of: document, length: length) == Int(chunk.offsets[document]))
        }
        return true
    }
}
