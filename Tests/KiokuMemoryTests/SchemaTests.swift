import Foundation
import Testing
import KiokuTestSupport
import KiokuFormats
@testable import KiokuMemory

@Suite struct SchemaTests {
    /// Every query is built from the names in `SQLiteTable`; a migration that renamed a
    /// column without them (or the reverse) fails here, not in a user's lookup.
    @Test func everyTableHasTheColumnsTheCodeNames() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        for table in sqliteTables {
            #expect(try tm.columns(of: table.name) == table.columns, "\(table.name)")
        }
    }

    /// A TM that Kioku 0a7c790 wrote (the seed memory, imported and indexed; its glossary
    /// table did not exist yet) opens, keeps its index, and gains the tables it lacked.
    @Test func aTMWrittenByTheVersionBeforeOpensAndKeepsItsIndex() throws {
        let path = Scratch.path("old.kioku")
        try FileManager.default.copyItem(atPath: Repository.fixture("seed-0a7c790.kioku", of: "KiokuMemoryTests"), toPath: path)
        let tm = try TranslationMemory(path: path, create: false)
        #expect(try tm.unitCount() == 25)
        #expect(try tm.revision() == StoreRevision(latestUnit: 25, indexed: IndexWatermark(units: 25)))
        #expect(try tm.indexedLanguages() == ["en", "ja", "ru"])
        #expect(try tm.glossaryRecords().isEmpty)
        for table in sqliteTables {
            #expect(try tm.columns(of: table.name) == table.columns, "\(table.name)")
        }
        #expect(try tm.unit(22)?.unit.variant(.russian)?.segment.text.contains("Владивостоке") == true)
        #expect(try tm.indexFormat() == 0)  // written before the index recorded its format
    }

    /// The v2 migration fills in what the old TM lacked: each unit's newest date (as a sort
    /// key) for ranking, and the pairs of its EN–RU–JA units, so an EN–RU copy of one of them
    /// (OmegaT's project_save.tmx) is a duplicate, not a second unit.
    @Test func anOldTMGainsItsUnitsDatesAndPairs() throws {
        let path = Scratch.path("old.kioku")
        try FileManager.default.copyItem(atPath: Repository.fixture("seed-0a7c790.kioku", of: "KiokuMemoryTests"), toPath: path)
        let tm = try TranslationMemory(path: path, create: false)
        #expect(try tm.withRankingReader { $0.rankingFacts(of: 22).recency } == "20161001120000")
        let stored = try #require(try tm.unit(22)?.unit)
        let part = TranslationUnit(variants: stored.variants.filter { $0.language != .japanese },
                                   metadata: Metadata(changeDate: "20261121T090000Z", changeUser: "olga"))
        let report = try tm.add([part])
        #expect(report.duplicates == 1)
        #expect(try tm.unitCount() == 25)
        #expect(try tm.withRankingReader { $0.rankingFacts(of: 22).recency } == "20261121090000")
        #expect(try tm.unit(22)?.unit.metadata.changeUser == "olga")
    }

    @Test func resettingTheIndexDropsItsDataOnceForANewFormat() throws {
        let path = Scratch.path("old.kioku")
        try FileManager.default.copyItem(atPath: Repository.fixture("seed-0a7c790.kioku", of: "KiokuMemoryTests"), toPath: path)
        let tm = try TranslationMemory(path: path, create: false)
        try tm.resetIndex(to: 2)
        #expect(try tm.indexFormat() == 2)
        #expect(try tm.revision() == StoreRevision(latestUnit: 25, indexed: IndexWatermark(units: .none, changes: 0, saves: 1)))
        #expect(try tm.indexedLanguages().isEmpty)
        #expect(try tm.saveIndex([], replacing: IndexWatermark(units: .none, saves: 1), through: IndexWatermark(units: 25), replacingAll: false))
        try tm.resetIndex(to: 2)  // already that format: nothing is dropped
        #expect(try tm.revision().indexedThrough == 25)
        #expect(try tm.unitCount() == 25)
    }
}
