import Testing
import KiokuFormats
import KiokuMemory
@testable import KiokuMatch
import KiokuTestSupport
import KiokuText

/// `kioku verify`'s index half: a sound index passes, a damaged or incomplete one is found
/// (never a silently wrong answer), and a rebuild from the units makes it sound again.
@Suite struct IndexCheckTests {
    func indexedSeed() throws -> TranslationMemory {
        let tm = try TranslationMemory.seed()
        try FuzzyIndex(memory: tm).update()
        return tm
    }

    @Test func aSoundIndexPassesAndMatchesAFullScan() throws {
        let tm = try indexedSeed()
        let check = try FuzzyIndex.check(memory: tm, sample: 5)
        #expect(check.isSound, "\(check.problems)")
        #expect(check.languages.map(\.language) == ["en", "ja", "ru"])
        #expect(check.languages.allSatisfy { $0.indexed == 25 && $0.stored == 25 })
        #expect(check.sampledLookups == 15)
    }

    @Test func unitsAddedAfterTheSaveAreNotAProblem() throws {
        let tm = try indexedSeed()
        _ = try tm.add([unit((.english, "A sentence added later."), (.russian, "Предложение, добавленное позже."))])
        let check = try FuzzyIndex.check(memory: tm, sample: 2)
        #expect(check.isSound, "\(check.problems)")
        #expect(check.unitsNotYetIndexed == 1)
    }

    @Test func aDamagedChunkIsFoundAndARebuildRepairsIt() throws {
        let tm = try indexedSeed()
        let watermark = try tm.revision().indexed
        let garbage = IndexChanges(language: "ru", newTokens: [], chunks: [.init(number: 0, documents: 25) { [1, 2, 3] }])
        #expect(try tm.saveIndex([garbage], replacing: watermark, through: watermark, replacingAll: false))
        let check = try FuzzyIndex.check(memory: tm)
        #expect(!check.isSound)
        #expect(check.problems == ["the ru index data cannot be read (damaged)"])
        // A lookup refuses rather than answering from a damaged index.
        #expect(throws: MemoryError.self) { _ = try Matcher(memory: tm).lookup("Москва и Токио", from: .russian, to: .english) }
        let rebuilt = try FuzzyIndex.rebuild(memory: tm)
        #expect(rebuilt.documentsAdded == 75)
        #expect(try FuzzyIndex.check(memory: tm).isSound)
        #expect(try Matcher(memory: tm).lookup("Москва и Токио до сих пор не подписали мирный договор после окончания Второй мировой войны.",
                                              from: .russian, to: .english).first?.score == 100)
    }

    @Test func anIndexThatLostVariantsIsFound() throws {
        let tm = try indexedSeed()
        let watermark = try tm.revision().indexed
        let empty = IndexChanges(language: "en", newTokens: [], chunks: [.init(number: 0, documents: 0) { IndexChunk().encoded() }])
        #expect(try tm.saveIndex([empty], replacing: watermark, through: watermark, replacingAll: false))
        let check = try FuzzyIndex.check(memory: tm, sample: 3)
        #expect(check.languages.first { $0.language == "en" }.map { [$0.indexed, $0.missing] } == [0, 25])
        #expect(check.problems.first == "the en index lacks 25 of the TM's 25 variants")
        #expect(check.mismatches.count == 3)  // and lookups through it answer differently from a scan
        try FuzzyIndex.rebuild(memory: tm)
        #expect(try FuzzyIndex.check(memory: tm, sample: 3).isSound)
    }
}
