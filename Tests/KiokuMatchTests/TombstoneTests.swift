import Foundation
import Testing
import KiokuTestSupport
import KiokuFormats
import KiokuMemory
import KiokuText
@testable import KiokuMatch

/// How the index records deletions: a bit per dead document, saved apart from the chunks (a
/// deletion rewrites a few bytes, not the index), and a chunk compacted once a quarter is dead.
@Suite struct TombstoneTests {
    let stamp = ChangeStamp(date: "20261127T120000Z", user: "test")
    let treaty = "Moscow and Tokyo have still not signed a peace treaty following the end of World War II."

    func chunks(_ tm: TranslationMemory) throws -> String {
        try SQLiteShell.run(tm.path, "SELECT lang, chunk, documents, hex(data) FROM fuzzy_chunk ORDER BY lang, chunk")
    }

    @Test func aDeletionSavesTombstonesAndLeavesTheChunksAlone() throws {
        let tm = try TranslationMemory.seed()
        try FuzzyIndex(memory: tm).update()
        let before = try chunks(tm)
        #expect(try Matcher(memory: tm).lookup(treaty, from: .english, to: .russian).first?.unitID == 7)
        #expect(try tm.deleteUnits([7], stamp: stamp) == [7])
        try FuzzyIndex(memory: tm).update()
        #expect(try chunks(tm) == before)
        #expect(try SQLiteShell.run(tm.path, "SELECT lang, chunk, length(data) FROM fuzzy_dead ORDER BY lang") == "en|0|8\nja|0|8\nru|0|8\n")
        // Loaded again, the tombstones hold: the unit is not a candidate, even before ranking reads it.
        let reopened = try TranslationMemory(path: tm.path, create: false)
        let updater = try IndexUpdater(memory: reopened, parallel: false)
        #expect(try updater.loadedLanguage("en")?.chunks.first?.deadCount == 1)
        #expect(try Matcher(memory: reopened).lookup(treaty, from: .english, to: .russian, options: LookupOptions(minimumScore: 50))
            .allSatisfy { $0.unitID != 7 })
    }

    @Test func aChunkAQuarterDeadIsCompactedOnTheSpot() throws {
        let tm = try TranslationMemory.seed()
        try FuzzyIndex(memory: tm).update()
        #expect(try tm.deleteUnits([1, 2, 3, 4, 5], stamp: stamp).count == 5)  // 5 of 25: a fifth
        try FuzzyIndex(memory: tm).update()
        #expect(try SQLiteShell.run(tm.path, "SELECT DISTINCT documents FROM fuzzy_chunk") == "25\n")
        #expect(try tm.deleteUnits([6, 8], stamp: stamp).count == 2)  // 7 of 25: more than a quarter
        try FuzzyIndex(memory: tm).update()
        #expect(try SQLiteShell.run(tm.path, "SELECT DISTINCT documents FROM fuzzy_chunk") == "18\n")
        #expect(try SQLiteShell.run(tm.path, "SELECT count(*) FROM fuzzy_dead") == "0\n")
        #expect(try FuzzyIndex.check(memory: TranslationMemory(path: tm.path, create: false)).isSound)
    }

    @Test func tombstonesThatCannotBeTheChunksAreDamage() throws {
        let tm = try TranslationMemory.seed()
        try FuzzyIndex(memory: tm).update()
        try tm.deleteUnits([7], stamp: stamp)
        try FuzzyIndex(memory: tm).update()
        _ = try SQLiteShell.run(tm.path, "UPDATE fuzzy_dead SET data = x'00' WHERE lang = 'en'")
        #expect(throws: MemoryError.damagedIndex(path: tm.path, language: "en")) {
            try Matcher(memory: TranslationMemory(path: tm.path, create: false)).lookup(treaty, from: .english, to: .russian)
        }
    }
}
