import Testing
@testable import KiokuMemory
import KiokuFormats
import KiokuText
import KiokuTestSupport

/// The SQLite store's ranking reader reads a unit once a transaction: a candidate's text, and
/// then the whole unit when it wins, come from one read of its rows; the next lookup reads afresh.
@Suite struct SQLiteRankingReaderTests {
    @Test func aCandidateAndItsWholeUnitAreOneRead() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        _ = try tm.add([unit((.english, "Abe met Putin."), (.russian, "Абэ встретился с Путиным.")),
                        unit((.japanese, "東京"), (.english, "Tokyo"), (.russian, "Токио"))])
        let ids = try tm.allUnits().map(\.id)
        let tokyo = try #require(try tm.unit(ids[1]))
        try tm.withRankingReader { reader in
            let sqlite = try #require(reader as? SQLiteRankingReader)
            let candidate = try #require(reader.candidate(VariantKey(unit: ids[1], position: 1)!))
            #expect(candidate.text == "Tokyo")
            #expect(candidate.others.map(\.language) == ["ja", "ru"] && candidate.others.map(\.text) == ["東京", "Токио"])
            #expect(reader.unit(ids[1]) == tokyo)
            // another of its variants, then a position it does not have: the same read
            #expect(reader.candidate(VariantKey(unit: ids[1], position: 2)!)?.text == "Токио")
            #expect(reader.candidate(VariantKey(unit: ids[1], position: 7)!) == nil)
            #expect(sqlite.unitReads == 1)
            // a unit that does not exist is read once, too
            #expect(reader.unit(UnitID(999)) == nil && reader.candidate(VariantKey(unit: UnitID(999), position: 0)!) == nil)
            #expect(sqlite.unitReads == 2)
        }
        // nothing is kept for the next lookup: a deleted unit is gone from it
        _ = try tm.deleteUnits([ids[1]], stamp: ChangeStamp(date: "20261129T070000Z", user: nil))
        try tm.withRankingReader { reader in
            #expect(reader.candidate(VariantKey(unit: ids[1], position: 1)!) == nil)
            #expect(reader.unit(ids[1]) == nil)
            #expect(reader.unit(ids[0])?.unit.variants.map(\.segment.text) == ["Abe met Putin.", "Абэ встретился с Путиным."])
        }
    }
}
