import GRDB
import Testing
@testable import KiokuMemory
import KiokuFormats
import KiokuText
import KiokuTestSupport

/// `statistics()` counts in one pass over each table what SQL's grouping and joins count:
/// segments by language, pairs of languages within a unit, units by origin, units with codes.
@Suite struct StatisticsTests {
    /// The counts as the SQL queries `statistics()` ran before give them.
    static func counted(by tm: TranslationMemory) throws -> MemoryStatistics {
        try tm.reading { db in
            let languages = try Row.fetchAll(db, sql: "SELECT lang, count(*) FROM variant GROUP BY lang ORDER BY count(*) DESC, lang")
                .map { MemoryStatistics.LanguageCount(language: $0[0], segments: $0[1]) }
            let pairs = try Row.fetchAll(db, sql: """
                SELECT a.lang, b.lang, count(*) FROM variant a JOIN variant b ON a.unit_id = b.unit_id AND a.lang < b.lang
                GROUP BY a.lang, b.lang ORDER BY 3 DESC, 1, 2
                """).map { MemoryStatistics.PairCount(languages: [$0[0], $0[1]], units: $0[2]) }
            let origins = try Row.fetchAll(db, sql: """
                SELECT o.path, count(u.id), o.imported_at FROM origin o LEFT JOIN unit u ON u.origin_id = o.id GROUP BY o.id ORDER BY o.id
                """).map { MemoryStatistics.OriginCount(path: $0[0], units: $0[1], importedAt: $0[2]) }
            return MemoryStatistics(path: tm.path, units: try Int.fetchOne(db, sql: "SELECT count(*) FROM unit")!,
                                    segments: try Int.fetchOne(db, sql: "SELECT count(*) FROM variant")!,
                                    languages: languages, pairs: pairs, origins: origins, fileBytes: 0,
                                    unitsWithMarkup: try Int.fetchOne(db, sql: "SELECT count(DISTINCT unit_id) FROM variant WHERE markup IS NOT NULL")!)
        }
    }

    static func expectSame(_ tm: TranslationMemory) throws {
        let stats = try tm.statistics(), expected = try counted(by: tm)
        #expect(stats.fileBytes == tm.storedBytes() && stats.fileBytes > 0)
        #expect(stats.units == expected.units && stats.segments == expected.segments)
        #expect(stats.languages == expected.languages)
        #expect(stats.pairs == expected.pairs)
        #expect(stats.origins == expected.origins)
        #expect(stats.unitsWithMarkup == expected.unitsWithMarkup)
    }

    @Test func anEmptyTMHasNothingToCount() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        let stats = try tm.statistics()
        #expect(stats.units == 0 && stats.segments == 0 && stats.languages.isEmpty && stats.pairs.isEmpty && stats.origins.isEmpty)
        try Self.expectSame(tm)
    }

    @Test func countsMatchSQLsAcrossLanguagesOriginsCodesAndDeletions() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        // three languages in a unit, regional tags, inline codes (multilingual.tmx); then two
        // files of their own, a unit with two English variants, and units added by hand
        try tm.importFiles([Repository.formatsFixture("multilingual.tmx")])
        let enRU = Scratch.file("en-ru.tsv", "en\tru\n" + (0..<40).map { "Line \($0)\tСтрока \($0)\n" }.joined())
        let enJA = Scratch.file("en-ja.tsv", "en\tja\n" + (0..<25).map { "Line \($0)\t行 \($0)\n" }.joined())
        try tm.importFiles([enRU, enJA])
        var twoEnglish = unit((.english, "Colour"), (.russian, "Цвет"))
        twoEnglish.variants.append(Variant(language: LanguageTag("en-US")!, text: "Color"))
        twoEnglish.variants.append(Variant(language: .english, text: "Colour, again"))
        _ = try tm.add([twoEnglish, unit((.russian, "Мир"), (.japanese, "平和")), unit((.japanese, "東京"), (.english, "Tokyo"), (.russian, "Токио"))])
        try Self.expectSame(tm)
        let stats = try tm.statistics()
        #expect(stats.pairs.first?.languages == ["en", "ru"])
        #expect(stats.unitsWithMarkup == 2)
        #expect(stats.origins.count == 4)
        // deletions leave gaps in the ids, and an origin whose units are all gone counts none
        let ids = try tm.allUnits().map(\.id)
        _ = try tm.deleteUnits(Array(ids.filter { $0.rawValue % 3 == 0 }) + Array(ids[4..<44]), stamp: ChangeStamp(date: "20261129T040000Z", user: nil))
        try Self.expectSame(tm)
        #expect(try tm.statistics().origins.contains { $0.units == 0 })
    }
}
