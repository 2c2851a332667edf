import Testing
import KiokuMemory
@testable import KiokuMatch

/// Chunks loaded without their inverted lists come back from the rebuilder in the order they
/// were added, each with the lists it was built with — on a helper thread and the caller's, or
/// the caller's alone — and a load that fails stops the helper without waiting for more.
@Suite struct ChunkRebuilderTests {
    static func chunks(_ count: Int) -> [IndexChunk] {
        var random = ExactnessTests.Generator(state: 41)
        return (0..<count).map { number in
            var chunk = IndexChunk()
            chunk.append((1...200).map { unit in
                ChunkDocument(key: VariantKey(unit: UnitID(Int64(number * 1_000 + unit)), position: 0)!,
                              tokens: (0..<random.below(25)).map { _ in UInt32(random.below(5_000)) }, punctuation: PunctuationMark(raw: 0))
            })
            return chunk
        }
    }

    @Test(arguments: [true, false]) func chunksComeBackInOrderWithTheirLists(parallel: Bool) throws {
        let built = Self.chunks(12)
        let rebuilder = ChunkRebuilder(parallel: parallel)
        for chunk in built {
            let bare = try #require(chunk.encoded().withUnsafeBytes { IndexChunk(encoded: $0, withPostings: false) })
            #expect(bare.postings.isEmpty)
            rebuilder.add(bare)
        }
        let rebuilt = rebuilder.finish()
        #expect(rebuilt.map(\.documents) == built.map(\.documents))
        #expect(rebuilt.map(\.postings) == built.map(\.postings) && rebuilt.map(\.postingStarts) == built.map(\.postingStarts))
    }

    @Test func aFailedLoadStopsTheHelper() {
        let rebuilder = ChunkRebuilder(parallel: true)
        for chunk in Self.chunks(3) { rebuilder.add(chunk) }
        rebuilder.cancel()  // returns once the helper has stopped
        let nothing = ChunkRebuilder(parallel: true)
        nothing.cancel()
        #expect(nothing.finish().isEmpty)
    }
}
