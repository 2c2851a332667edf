import Foundation
import Testing
import KiokuTestSupport
import KiokuFormats
import KiokuMemory
import KiokuText
@testable import KiokuMatch

/// The storage contract: the fuzzy index, lookups and concordance run on any `MemoryStore`
/// and answer exactly as on SQLite. `InMemoryStore` is the second implementation.
@Suite struct StoreContractTests {
    /// The seed memory and a TSV, imported the same way into both stores.
    static func stores() throws -> (sqlite: TranslationMemory, memory: InMemoryStore) {
        let tsv = Scratch.file("more.tsv", """
            en\tru
            The summit in Vladivostok ended on December 15.\tСаммит во Владивостоке завершился 15 декабря.
            Abe and Putin met again in Tokyo.\tАбэ и Путин снова встретились в Токио.
            """)
        let sqlite = try TranslationMemory(path: Scratch.tmPath()), memory = InMemoryStore()
        for store in [sqlite as any MemoryStore, memory] {
            _ = try store.importUnits(from: [
                ImportSource(origin: "seed", reader: try TMXReader(path: Repository.sample("seed-summit.tmx"))),
                ImportSource(origin: "more", reader: try UnitReaders.open(path: tsv)),
            ])
        }
        return (sqlite, memory)
    }

    @Test func bothStoresHoldTheSameUnits() throws {
        let (sqlite, memory) = try Self.stores()
        #expect(try memory.allUnits() == sqlite.allUnits())
        let a = try sqlite.statistics(), b = try memory.statistics()
        #expect(a.units == b.units && a.segments == b.segments && a.languages == b.languages && a.pairs == b.pairs)
        #expect(a.origins.map(\.units) == b.origins.map(\.units))
        #expect(try memory.dominantSourceLanguage() == sqlite.dominantSourceLanguage())
        // a duplicate is recognised by content in both
        let again = try memory.add([unit((.english, "Abe and Putin met again in Tokyo."), (.russian, "Абэ и Путин снова встретились в Токио."))])
        #expect(again.duplicates == 1 && again.added == 0)
    }

    @Test func lookupsAndConcordanceAnswerTheSameOnBothStores() throws {
        let (sqlite, memory) = try Self.stores()
        let onSQLite = try Matcher(memory: sqlite), inMemory = try Matcher(memory: memory)
        var compared = 0
        for stored in try sqlite.allUnits() {
            for (source, target) in [(LanguageTag.english, LanguageTag.russian), (.russian, .english), (.japanese, .english), (.english, .japanese)] {
                guard let text = stored.unit.variant(source)?.segment.text else { continue }
                let query = String(text.dropLast(4)) + " 2026"
                for minimum in [50, 75] {
                    let options = LookupOptions(minimumScore: minimum, maximumResults: 3)
                    let expected = try onSQLite.lookup(query, from: source, to: target, options: options)
                    #expect(try inMemory.lookup(query, from: source, to: target, options: options) == expected, "\(query)")
                    compared += expected.count
                }
            }
        }
        #expect(compared > 100)
        for (phrase, language) in [("Владивосток", LanguageTag.russian), ("island", .english), ("ウラジオストク", .japanese)] {
            #expect(try Concordance(memory: memory).search(phrase, language: language) == Concordance(memory: sqlite).search(phrase, language: language))
        }
    }

    @Test func anIndexSavedInAStoreIsReadBackNotRebuilt() throws {
        let memory = try Self.stores().memory
        #expect(try FuzzyIndex(memory: memory).update().documentsAdded == 79)
        let reopened = try FuzzyIndex(memory: memory)
        #expect(try reopened.update().documentsAdded == 0)
        #expect(try reopened.languages() == ["en", "ja", "ru"])
        #expect(try Matcher(index: reopened).scores("Abe and Putin met again in Tokyo.") == [100])
    }

    @Test func aSaveOnAStaleWatermarkWritesNothing() throws {
        for store in [try TranslationMemory(path: Scratch.tmPath()) as any MemoryStore, InMemoryStore()] {
            #expect(try store.saveIndex([], replacing: .none, through: IndexWatermark(units: 5), replacingAll: false))
            #expect(try store.saveIndex([IndexChanges(language: "en", newTokens: [("tokyo", 2)], chunks: [])], replacing: .none,
                                        through: IndexWatermark(units: 9), replacingAll: false) == false)
            #expect(try store.revision().indexed == IndexWatermark(units: 5, changes: 0, saves: 1))
        }
    }

    @Test func aDamagedIndexIsReportedAsSuchAndNamesItsLanguage() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        try tm.add([unit((.english, "Tokyo"), (.russian, "Токио"))])
        try tm.resetIndex(to: IndexUpdater.format)  // an index of today's format, then damaged
        let garbage = IndexChanges(language: "en", newTokens: [], chunks: [.init(number: 0, documents: 1) { [1, 2, 3] }])
        #expect(try tm.saveIndex([garbage], replacing: try tm.revision().indexed, through: IndexWatermark(units: 1), replacingAll: false))
        #expect(throws: MemoryError.damagedIndex(path: tm.path, language: "en")) {
            try Matcher(memory: tm).lookup("Tokyo", from: .english, to: .russian)
        }
        // the units are intact
        #expect(try tm.unit(1)?.unit.variant(.russian)?.segment.text == "Токио")
    }
}
