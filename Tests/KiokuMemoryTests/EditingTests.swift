import Foundation
import Testing
import KiokuTestSupport
import KiokuFormats
import KiokuText
@testable import KiokuMemory

/// Deleting and editing in the store: what an import finds afterwards (content hashes and the
/// pairs of three-language units follow), ids never given twice, the history, and the rules by
/// which a language names a variant.
@Suite struct EditingTests {
    let stamp = ChangeStamp(date: "20261127T120000Z", user: "olga")

    /// The seed's unit 22 as an EN–RU pair (what OmegaT's project_save.tmx would carry).
    func englishRussian(_ tm: TranslationMemory, _ id: UnitID) throws -> TranslationUnit {
        let stored = try #require(try tm.unit(id)).unit
        return TranslationUnit(variants: stored.variants.filter { $0.language != .japanese })
    }

    @Test func aDeletedUnitIsNoLongerWhatAnImportFinds() throws {
        let tm = try TranslationMemory.seed()
        let pair = try englishRussian(tm, 22)
        #expect(try tm.add([pair]).duplicates == 1)  // inside the stored EN–RU–JA unit
        #expect(try tm.deleteUnits([22, 99], stamp: stamp) == [22])
        #expect(try SQLiteShell.run(tm.path, "SELECT count(*) FROM unit_pair WHERE unit_id = 22") == "0\n")
        let again = try tm.add([pair])
        #expect(again.added == 1)
        // A new id, above every id given before: 25 units were there, unit 22 is gone.
        #expect(try tm.revision().latestUnit == 26 && tm.unit(26) != nil && tm.unit(22) == nil)
        #expect(try tm.deleteUnits([26], stamp: stamp) == [26])
        try tm.add([unit((.english, "The forum closed."), (.russian, "Форум закрылся."))])
        #expect(try tm.unit(27) != nil && tm.revision().latestUnit == 27)  // 26 is not given again
    }

    @Test func anEditMovesTheUnitsIdentityToTheNewText() throws {
        let tm = try TranslationMemory.seed()
        let oldPair = try englishRussian(tm, 22)
        let edit = try tm.editVariant(of: 22, language: .russian, to: Segment(text: "Исправленный перевод."), stamp: stamp)
        #expect(edit.changed && edit.language == "ru" && edit.previous == oldPair.variants[1].segment)
        #expect(try tm.add([oldPair]).added == 1)  // the old text is no longer in the TM
        var newPair = oldPair
        newPair.variants[1].segment = Segment(text: "Исправленный перевод.")
        #expect(try tm.add([newPair]).duplicates == 1)  // the new one is
        let stored = try #require(try tm.unit(22)).unit
        #expect(stored.metadata.changeDate == "20261127T120000Z" && stored.metadata.changeUser == "olga")
        #expect(try tm.integrityProblems().isEmpty)  // the checksum follows the text
        let history = try tm.history(of: 22)
        #expect(history.count == 1 && history[0].language == "ru" && history[0].text == oldPair.variants[1].segment.text)
        #expect(history[0].replaced == stamp)
        #expect(try tm.withRankingReader { $0.rankingFacts(of: 22).recency } == "20261127120000")
    }

    @Test func aLanguageNamesOneVariant() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        let portuguese = [LanguageTag("pt-BR")!, LanguageTag("pt-PT")!]
        try tm.add([TranslationUnit(variants: [Variant(language: .english, text: "Tokyo"), Variant(language: LanguageTag("ru-RU")!, text: "Токио"),
                                               Variant(language: portuguese[0], text: "Tóquio"), Variant(language: portuguese[1], text: "Tóquio")])])
        #expect(try tm.editVariant(of: 1, language: .russian, to: Segment(text: "г. Токио"), stamp: stamp).language == "ru-RU")
        #expect(try tm.editVariant(of: 1, language: portuguese[1], to: Segment(text: "Tóquio (PT)"), stamp: stamp).language == "pt-PT")
        #expect(throws: MemoryError.ambiguousVariant(path: tm.path, unit: 1, language: "pt", candidates: ["pt-BR", "pt-PT"])) {
            try tm.editVariant(of: 1, language: LanguageTag("pt")!, to: Segment(text: "x"), stamp: stamp)
        }
        #expect(throws: MemoryError.noSuchVariant(path: tm.path, unit: 1, language: "ja", available: ["en", "ru-RU", "pt-BR", "pt-PT"])) {
            try tm.editVariant(of: 1, language: .japanese, to: Segment(text: "東京"), stamp: stamp)
        }
        #expect(throws: MemoryError.noSuchUnit(path: tm.path, id: 2)) {
            try tm.editVariant(of: 2, language: .english, to: Segment(text: "x"), stamp: stamp)
        }
        #expect(throws: MemoryError.emptyVariant(path: tm.path, unit: 1)) {
            try tm.editVariant(of: 1, language: .english, to: Segment(text: " \n"), stamp: stamp)
        }
        #expect(try tm.history(of: 1).count == 2)  // the refused edits left nothing
        #expect(try !tm.editVariant(of: 1, language: .english, to: Segment(text: "Tokyo"), stamp: stamp).changed)
        #expect(try tm.history(of: 1).count == 2)
    }

    @Test func plainTextKeepsInlineCodesOnlyWhenItIsTheTextAlreadyThere() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        let coded = Segment(text: "Press Enter.", markup: #"Press <ph x="1">&lt;b&gt;</ph>Enter."#)
        try tm.add([TranslationUnit(variants: [Variant(language: .english, segment: coded), Variant(language: .russian, text: "Нажмите Enter.")])])
        let same = try tm.editVariant(of: 1, language: .english, to: Segment(text: "Press Enter."), stamp: stamp)
        #expect(!same.changed && same.current == coded)
        #expect(try tm.unit(1)?.unit.variants[0].segment == coded && tm.history(of: 1).isEmpty)
        let other = try tm.editVariant(of: 1, language: .english, to: Segment(text: "Press Return."), stamp: stamp)
        #expect(other.changed && other.previous == coded)
        #expect(try tm.unit(1)?.unit.variants[0].segment == Segment(text: "Press Return."))
        #expect(try tm.history(of: 1).first?.markup == coded.markup)  // the codes are kept in the history
    }

    @Test func theChangeLogNamesEachChangedUnitOnce() throws {
        for store in [try TranslationMemory.seed() as any MemoryStore, InMemoryStore()] {
            if store is InMemoryStore { try store.add((1...25).map { unit((.english, "Sentence \($0)."), (.russian, "Предложение \($0)."))}) }
            let start = try store.revision().latestChange
            _ = try store.editVariant(of: 3, language: .russian, to: Segment(text: "Один."), stamp: stamp)
            _ = try store.editVariant(of: 3, language: .russian, to: Segment(text: "Два."), stamp: stamp)
            try store.deleteUnits([5, 1], stamp: stamp)
            let latest = try store.revision().latestChange
            #expect(latest == start + 4)
            #expect(try store.changedUnits(after: start, through: latest) == [1, 3, 5])
            #expect(try store.changedUnits(after: start + 2, through: latest) == [1, 5])
            let variants = try store.indexableVariants(of: [5, 3])  // 5 is gone
            #expect(variants.allSatisfy { $0.key.unitID == 3 } && variants.contains { $0.text == "Два." })
        }
    }
}
