import Foundation
import GRDB
import Testing
@testable import KiokuMatch
@testable import KiokuMemory
import KiokuTestSupport

/// Loading a TM's index reads its chunks from the file without mapping them: each blob is
/// decoded once, and its mapped pages would have stayed in the RSS of every lookup process
/// and server (75 MB of a 1M TM's lookup process, a quarter of it).
@Suite struct IndexLoadMappingTests {
    @Test func loadingTheIndexLeavesNoChunkMapped() throws {
        let path = Scratch.tmPath()
        do {
            let tm = try TranslationMemory(path: path)
            _ = try IndexedWrite.run(into: tm) { inserted throws(MemoryError) in
                try tm.add(ImportTokenizerTests.units(30_000, seed: 31), options: ImportOptions(inserted: inserted))
            }
        }  // closed: what the import mapped goes with it
        let tm = try TranslationMemory(path: path)
        let before = try #require(MappedPages.residentBytes(of: path))
        let index = try FuzzyIndex(memory: tm)
        let loaded = try #require(try index.prepare("en"))
        let afterLoad = try #require(MappedPages.residentBytes(of: path))
        // the same blobs through a mapped read show in the count (so the count can fail); on a
        // TM opened afresh, whose page cache does not hold the pages yet
        let afresh = try TranslationMemory(path: path)
        let (blobBytes, english) = try afresh.reading { db in
            (try Int.fetchOne(db, sql: "SELECT sum(length(data)) FROM fuzzy_chunk WHERE lang = 'en'") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM variant WHERE lang = 'en'") ?? 0)
        }
        #expect(loaded.0.chunks.reduce(0) { $0 + $1.count } == english && english > 29_000)
        let afterMappedRead = try #require(MappedPages.residentBytes(of: path))
        #expect(blobBytes > 300_000)
        #expect(afterLoad - before < blobBytes / 4, "\(afterLoad - before) bytes mapped by the load; the blobs are \(blobBytes)")
        #expect(afterMappedRead - afterLoad > blobBytes / 2)
        withExtendedLifetime(afresh) {}  // its map stays until here
    }
}
