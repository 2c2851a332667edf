import Testing
@testable import KiokuConcurrency

@Suite struct ChunkedMapTests {
    struct Stop: Error {}

    @Test func resultsKeepTheirIndicesAndNilLeavesAHole() throws {
        let results = try chunkedMap(1000, chunk: 7) { index in index % 3 == 0 ? nil : index * 2 }
        #expect(results.count == 1000)
        #expect(results.enumerated().allSatisfy { index, value in value == (index % 3 == 0 ? nil : index * 2) })
        #expect(try chunkedMap(0, chunk: 8) { $0 }.isEmpty)
    }

    @Test func theFirstErrorIsRethrownAfterEveryChunkEnded() {
        #expect(throws: Stop.self) { _ = try chunkedMap(500, chunk: 10) { index -> Int? in if index == 123 { throw Stop() }; return index } }
    }
}
