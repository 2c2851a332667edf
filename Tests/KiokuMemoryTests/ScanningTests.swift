import Foundation
import GRDB
import Testing
@testable import KiokuMemory
import KiokuTestSupport

/// Reads that pass over the whole TM once (counting, exporting, checking it) read the file
/// instead of mapping it: a mapped page they touch would stay in the process's RSS, and a
/// server's or a lookup's RSS would carry up to 256 MB of the file it does not read again.
@Suite struct ScanningTests {
    @Test func wholeTMReadsLeaveNoPageOfTheFileMapped() throws {
        let path = Scratch.tmPath()
        do {
            let tm = try TranslationMemory(path: path)
            let lines = (0..<20_000).map { "Line \($0) of a news story about the summit in Vladivostok and its talks\tСтрока \($0) новостей о встрече во Владивостоке и её переговорах\n" }
            _ = try tm.importFiles([Scratch.file("big.tsv", "en\tru\n" + lines.joined())])
        }  // the TM closes: its writer's mapped pages go with it
        let fileBytes = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(fileBytes > 4_000_000)
        let tm = try TranslationMemory(path: path)
        let before = try #require(MappedPages.residentBytes(of: path))
        let stats = try tm.statistics()
        #expect(stats.units == 20_000)
        #expect(try tm.allUnits().count == 20_000)
        var variants = 0
        try tm.forEachVariant(language: "ru") { _ in variants += 1 }
        #expect(variants == 20_000)
        #expect(try tm.integrityProblems().isEmpty)
        let afterScans = try #require(MappedPages.residentBytes(of: path))
        #expect(afterScans - before < fileBytes / 20, "\(afterScans - before) bytes of a \(fileBytes)-byte file mapped by the scans")
        // the same pass through a mapped read shows in the count (so the count can fail); on a
        // TM opened afresh, whose page cache does not hold the pages yet
        let afresh = try TranslationMemory(path: path)
        let characters = try afresh.reading { db in try Int.fetchOne(db, sql: "SELECT sum(length(text)) FROM variant") ?? 0 }
        #expect(characters > 0)
        let afterMappedRead = try #require(MappedPages.residentBytes(of: path))
        #expect(afterMappedRead - afterScans > fileBytes / 2)
        withExtendedLifetime(afresh) {}  // its map stays until here
    }
}
