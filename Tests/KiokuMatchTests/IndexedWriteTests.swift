import Foundation
import Testing
import KiokuTestSupport
import KiokuFormats
import KiokuMemory
import KiokuText
@testable import KiokuMatch

/// `IndexedWrite`: an import or a copy through it leaves the TM indexed and the index saved,
/// byte for byte the index reading the units back builds; a write that fails leaves nothing.
@Suite struct IndexedWriteTests {
    @Test func anImportLeavesTheTMIndexedAsReadingItBackWould() throws {
        let units = ImportTokenizerTests.units(400, seed: 21)
        let path = Scratch.tmPath()
        let tm = try TranslationMemory(path: path), readBack = try TranslationMemory(path: Scratch.tmPath())
        var told: [ImportReport] = []
        let outcome = try IndexedWrite.run(into: tm) { inserted throws(MemoryError) in
            try tm.add(units, options: ImportOptions(inserted: inserted))
        } committed: { report in
            told.append(report)
        }
        #expect(told.map(\.added) == [400] && outcome.report.added == 400)
        #expect(outcome.afterCommit == nil)
        #expect(outcome.indexing?.documentsAdded == 933)  // 400 units, 133 of them in three languages
        // saved: another program on the TM finds nothing left to index, and the match
        let reopened = try TranslationMemory(path: path)
        let index = try FuzzyIndex(memory: reopened)
        #expect(try index.unitsBehind() == 0)
        let last = try #require(units.last?.variants.first { $0.language == .english }?.segment.text)
        #expect(try Matcher(index: index).scores(last).first == 100)
        _ = try readBack.add(units)
        try FuzzyIndex(memory: readBack).update()
        try ImportTokenizerTests.expectSameIndex(tm, readBack)
    }

    @Test func aWriteThatFailsKeepsNothingAndIsNotToldCommitted() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        _ = try IndexedWrite.run(into: tm) { inserted throws(MemoryError) in
            try tm.add(ImportTokenizerTests.units(30, seed: 22), options: ImportOptions(inserted: inserted))
        }
        let broken = Scratch.file("broken.tmx", "<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>Tokyo</seg></tuv><tuv xml:lang=\"ru\"><seg>Токио</seg></tuv></tu><tu>")
        let reader = try TMXReader(path: broken)
        var committed = false
        #expect(throws: MemoryError.self) {
            try IndexedWrite.run(into: tm) { inserted throws(MemoryError) in
                try tm.importUnits(from: [ImportSource(origin: broken, reader: reader)], options: ImportOptions(inserted: inserted))
            } committed: { _ in
                committed = true
            }
        }
        #expect(!committed)
        #expect(try tm.statistics().units == 30)
        let index = try FuzzyIndex(memory: tm)
        #expect(try index.unitsBehind() == 0)
        #expect(try index.update().documentsAdded == 0)
        #expect(try Matcher(index: index).scores("Tokyo").isEmpty)
    }

    /// `kioku copy`: the units keep their ids, with the gaps deletions left.
    @Test func aCopyWithGapsInItsIdsLeavesTheTargetIndexedAsReadingItBackWould() throws {
        let source = try TranslationMemory(path: Scratch.tmPath())
        _ = try source.add(ImportTokenizerTests.units(500, seed: 23))
        let deleted = stride(from: 2, through: 500, by: 5).map { UnitID(Int64($0)) }
        _ = try source.deleteUnits(deleted, stamp: .now(by: nil))
        let copied = try TranslationMemory(path: Scratch.tmPath()), readBack = try TranslationMemory(path: Scratch.tmPath())
        let outcome = try IndexedWrite.run(into: copied, idsMayHaveGaps: true) { inserted throws(MemoryError) in
            try source.copy(to: copied, inserted: inserted)
        }
        #expect(outcome.report.units == 400 && outcome.afterCommit == nil)
        _ = try source.copy(to: readBack)
        #expect(try FuzzyIndex(memory: readBack).update().documentsAdded == outcome.indexing?.documentsAdded)
        try ImportTokenizerTests.expectSameIndex(copied, readBack)
    }
}
