import Foundation
import Testing
import KiokuTestSupport
import KiokuFormats
import KiokuText
@testable import KiokuMemory

@Suite struct ImportTests {
    @Test func importedUnitsComeBackAsRead() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        let report = try tm.importFiles([Repository.formatsFixture("multilingual.tmx")])
        #expect(report.added == 4)
        #expect(report.skipped == 0)
        let stored = try tm.allUnits()
        var expected: [TranslationUnit] = []
        let reader = try TMXReader(path: Repository.formatsFixture("multilingual.tmx"))
        while let item = try reader.next() { if case .unit(let unit, _) = item { expected.append(unit) } }
        #expect(stored.map(\.unit) == expected)
        #expect(stored.allSatisfy { $0.origin == Repository.formatsFixture("multilingual.tmx") })
    }

    @Test func identicalPairsAreStoredOnceAlternativesAreKept() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        var report = try tm.add([
            unit((.english, "Abe met Putin."), (.russian, "Абэ встретился с Путиным.")),
            unit((.english, "Abe met Putin."), (.russian, "Абэ встретился с Путиным.")),
            unit((.english, "Abe met Putin."), (.russian, "Абэ и Путин встретились.")),
        ])
        #expect(report.added == 2)
        #expect(report.duplicates == 1)
        // the same pair again, variants in the other order, in a later import
        report = try tm.add([unit((.russian, "Абэ встретился с Путиным."), (.english, "Abe met Putin."))])
        #expect(report.added == 0 && report.duplicates == 1)
        #expect(try tm.unitCount() == 2)
        #expect(try tm.allUnits().map { $0.unit.variant(.russian)!.segment.text } == ["Абэ встретился с Путиным.", "Абэ и Путин встретились."])
    }

    @Test func aDuplicateWithANewerChangeDateUpdatesIt() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        var older = unit((.english, "Tokyo"), (.russian, "Токио"))
        older.metadata.changeDate = "20160101T000000Z"
        var newer = older
        newer.metadata.changeDate = "20170101T000000Z"
        newer.metadata.changeUser = "reviewer"
        try tm.add([older])
        try tm.add([newer])
        let stored = try #require(try tm.allUnits().first)
        #expect(stored.unit.metadata.changeDate == "20170101T000000Z")
        #expect(stored.unit.metadata.changeUser == "reviewer")
    }

    @Test func aFailedImportLeavesTheTMExactlyAsItWas() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        try tm.importFiles([Repository.sample("seed-summit.tmx")])
        let before = try tm.exportedTMX()
        let countBefore = try tm.unitCount()
        // a good file followed by a truncated one, in one import
        #expect {
            try tm.importFiles([Repository.formatsFixture("multilingual.tmx"), Repository.formatsFixture("truncated.tmx")])
        } throws: { error in
            "\(error)".contains("truncated.tmx:")
        }
        #expect(try tm.unitCount() == countBefore)
        #expect(try tm.exportedTMX() == before)
        #expect(try tm.statistics().origins.count == 1)
    }

    @Test func hostileFilesChangeNothing() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        try tm.add([unit((.english, "Sochi"), (.russian, "Сочи"))])
        for name in ["bomb.tmx", "external-entity.tmx", "mismatched.tmx"] {
            #expect(throws: MemoryError.self) { try tm.importFiles([Repository.formatsFixture(name)]) }
        }
        #expect(try tm.unitCount() == 1)
    }

    @Test func skipsAreCountedAndListedWithFileAndLine() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        let report = try tm.importFiles([Repository.formatsFixture("skips.tmx")])
        #expect(report.added == 2)
        #expect(report.skipped == 4)
        #expect(report.skips.map(\.location.line) == [5, 6, 7, 8])
        #expect(report.skips.allSatisfy { $0.location.file.hasSuffix("skips.tmx") })
    }

    @Test func languageFilterKeepsOnlyTheAskedLanguages() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        let report = try tm.importFiles([Repository.formatsFixture("multilingual.tmx")], options: ImportOptions(languages: [.english, .japanese]))
        // unit 1 (en, ru, ja) keeps en+ja; unit 2 (en-US, ru-RU) and unit 3 (ru, en) lose ru → skipped; unit 4 is en+ja
        #expect(report.added == 2)
        #expect(report.skipped == 2)
        #expect(try tm.allUnits().allSatisfy { $0.unit.languages.allSatisfy { [LanguageTag.english, .japanese].contains($0) } })
    }

    @Test func everyReaderFeedsTheTM() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        let moses = try MosesReader(sourcePath: Repository.formatsFixture("corpus.en"), targetPath: Repository.formatsFixture("corpus.ru"), sourceLanguage: nil, targetLanguage: nil)
        let report = try tm.importUnits(from: [
            .init(origin: "header3.tsv", reader: try UnitReaders.open(path: Repository.formatsFixture("header3.tsv"))),
            .init(origin: "quoted.csv", reader: try UnitReaders.open(path: Repository.formatsFixture("quoted.csv"))),
            .init(origin: "translated.xlf", reader: try UnitReaders.open(path: Repository.formatsFixture("translated.xlf"))),
            .init(origin: "translated20.xlf", reader: try UnitReaders.open(path: Repository.formatsFixture("translated20.xlf"))),
            .init(origin: "corpus", reader: moses),
        ])
        // translated.xlf's "Tokyo → Токио" is inside header3.tsv's ja/en/ru unit: merged, not stored twice
        #expect(report.added == 2 + 4 + 1 + 2 + 3)
        #expect(report.duplicates == 1)
        let stats = try tm.statistics()
        #expect(stats.origins.map(\.units) == [2, 4, 1, 2, 3])
        let tokyo = try #require(try tm.allUnits().first { $0.unit.variant(.japanese)?.segment.text == "東京" })
        #expect(tokyo.unit.metadata.property("x-original") == "summit.html")  // what the duplicate brought is kept
    }

    @Test func notATranslationMemory() throws {
        let text = Scratch.file("notes.kioku", "just some text, not SQLite")
        #expect(throws: MemoryError.notAMemory(path: text, isSQLite: false)) { _ = try TranslationMemory(path: text) }
        #expect(throws: MemoryError.missing(path: "/nonexistent/dir/tm.kioku")) {
            _ = try TranslationMemory(path: "/nonexistent/dir/tm.kioku", create: false)
        }
    }

    @Test func aBulkLoadGivesItsLargerPageCacheBack() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        func cacheSize() throws -> Int { try tm.database.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA cache_size") ?? 0 } }
        #expect(try cacheSize() == -SQLiteWriter.usualCacheKiB)
        var told: [UnitID] = []
        let units = (0..<BulkLoad.units + 10).map { number in unit((.english, "Line \(number)"), (.russian, "Строка \(number)")) }
        let report = try tm.add(units, options: ImportOptions(inserted: { id, _ in told.append(id) }))
        let expected = (1...Int64(units.count)).map { UnitID($0) }
        #expect(report.added == units.count && told == expected)
        // the bulk load raised the writer's cache for its inserts, and gave SQLite helper threads
        // to sort the hash index it built again; the server's writer must keep neither
        #expect(try cacheSize() == -SQLiteWriter.usualCacheKiB)
        #expect(try tm.database.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA threads") } == 0)
        _ = try tm.add([unit((.english, "One more line"), (.russian, "Ещё одна строка"))])
        #expect(try cacheSize() == -SQLiteWriter.usualCacheKiB)
    }

    @Test func aBulkLoadFindsDuplicatesWithoutItsHashIndexAndBuildsItAgain() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        func line(_ number: Int) -> TranslationUnit { unit((.english, "Line \(number)"), (.russian, "Строка \(number)")) }
        func hashIndexExists() throws -> Bool {
            try tm.reading { try String.fetchAll($0, sql: "SELECT name FROM pragma_index_list('unit')") }.contains(SQLiteWriter.hashIndex)
        }
        _ = try tm.add((0..<100).map(line))
        let bulk = BulkLoad.units
        // a bulk load that fails after dropping the index leaves it (and everything else) as it was
        let big = Scratch.file("big.tsv", "en\tru\n" + (0..<bulk + 10).map { "New \($0)\tНовая \($0)\n" }.joined())
        #expect(throws: MemoryError.self) { try tm.importFiles([big, Repository.formatsFixture("truncated.tmx")]) }
        #expect(try hashIndexExists())
        #expect(try tm.unitCount() == 100)
        // far more new units than the TM held: the index is dropped after 50,000 of them; the
        // duplicates come before that point, after it, and of units stored before the import
        let units = (100..<bulk + 2_000).map(line) + (0..<50).map(line) + (bulk - 10..<bulk + 10).map(line) + (bulk + 1_500..<bulk + 1_600).map(line)
        let report = try tm.add(units)
        #expect(report.added == bulk + 1_900 && report.duplicates == 170)
        #expect(try hashIndexExists())
        #expect(try tm.unitCount() == bulk + 2_000)
        // the index built again finds duplicates as before
        #expect(try tm.add([line(7), line(bulk + 1_999)]).duplicates == 2)
    }

    /// The unit whose arrival drops the hash index (the 50,000th new one of a transaction) is
    /// stored after the hashes were read from the table: it must be among them all the same.
    @Test func theUnitThatStartsABulkLoadIsFoundAsADuplicateToo() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        func line(_ number: Int) -> TranslationUnit { unit((.english, "Line \(number)"), (.russian, "Строка \(number)")) }
        let bulk = BulkLoad.units
        let report = try tm.add((0..<bulk + 10).map(line) + [line(bulk - 1), line(bulk - 2), line(bulk)])
        #expect(report.added == bulk + 10 && report.duplicates == 3)
        #expect(try tm.unitCount() == bulk + 10)
    }
}
