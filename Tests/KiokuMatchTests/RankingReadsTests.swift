import Testing
import KiokuFormats
import KiokuMemory
import KiokuText
@testable import KiokuMatch

/// What ranking reads of the hits it considers: a unit's dates and contexts only when they can
/// change the order — some unit has a date, or the lookup compares contexts — and the same
/// order either way.
@Suite struct RankingReadsTests {
    /// A store's reader over fixed texts and dates, counting the reads of units' facts.
    final class CountingReader: RankingReader {
        let texts: [UnitID: String]
        let recency: [UnitID: String]
        let contexts: [UnitID: [String]]
        private(set) var factReads = 0

        init(texts: [UnitID: String], recency: [UnitID: String] = [:], contexts: [UnitID: [String]] = [:]) {
            self.texts = texts
            self.recency = recency
            self.contexts = contexts
        }

        func candidate(_ key: VariantKey) -> (text: String, others: [(language: String, text: String)])? {
            texts[key.unitID].map { ($0, [("ru", "перевод \(key.unitID.rawValue)")]) }
        }

        func rankingFacts(of unit: UnitID) -> RankingFacts {
            factReads += 1
            return RankingFacts(recency: recency[unit] ?? "", contexts: contexts[unit] ?? [])
        }

        func unit(_ id: UnitID) -> StoredUnit? { nil }
    }

    /// Twelve units whose sources all differ from the query by one word: hits tied on their base.
    static let query = "Abe and Putin met in Tokyo on Monday"
    static let texts: [UnitID: String] = Dictionary(uniqueKeysWithValues: (1...12).map { number in
        (UnitID(Int64(number)), "Abe and Putin met in Tokyo on day\(number)")
    })

    static func ranked(_ reader: CountingReader, datesMatter: Bool, context: String? = nil) -> [Int64] {
        let form = MatchForm(query, unit: .word)
        let hits = texts.keys.map { unit in
            CandidateSearch.Hit(key: VariantKey(unit: unit, position: 0)!, base: 88, distance: 1, longest: 8)
        }
        let options = LookupOptions(minimumScore: 50, maximumResults: 5, context: context)
        let ranking = Ranking(query: MatchScoring.Query(text: query, form: form, unit: .word), source: .english, target: .russian,
                              options: options, datesMatter: datesMatter)
        return ranking.best(of: hits, reader: reader).map(\.unitID.rawValue)
    }

    @Test func withoutDatesOrAContextNoUnitIsReadForItsFacts() {
        let reader = CountingReader(texts: Self.texts)
        #expect(Self.ranked(reader, datesMatter: false) == [12, 11, 10, 9, 8])  // ties fall to the higher id
        #expect(reader.factReads == 0)
        // the order the facts would have given: every unit without a date
        let reading = CountingReader(texts: Self.texts)
        #expect(Self.ranked(reading, datesMatter: true) == [12, 11, 10, 9, 8])
        #expect(reading.factReads > 0)
    }

    @Test func datesAreReadWhenSomeUnitHasOne() {
        let reader = CountingReader(texts: Self.texts, recency: [UnitID(3): "20240101T000000Z", UnitID(5): "20250101T000000Z"])
        #expect(Self.ranked(reader, datesMatter: true) == [5, 3, 12, 11, 10])  // newer first
        #expect(reader.factReads >= 12)
    }

    @Test func contextsAreReadWhenTheLookupComparesOne() {
        let texts = [UnitID(1): Self.query, UnitID(2): Self.query]
        let reader = CountingReader(texts: texts, contexts: [UnitID(1): ["The summit opened."]])
        let form = MatchForm(Self.query, unit: .word)
        let hits = texts.keys.map { CandidateSearch.Hit(key: VariantKey(unit: $0, position: 0)!, base: 100, distance: 0, longest: 8) }
        let ranking = Ranking(query: MatchScoring.Query(text: Self.query, form: form, unit: .word), source: .english, target: .russian,
                              options: LookupOptions(minimumScore: 50, context: "The summit opened."), datesMatter: false)
        let best = ranking.best(of: hits, reader: reader)
        #expect(best.map(\.unitID.rawValue) == [1, 2])  // the context match (101) before the higher id
        #expect(best.map(\.score) == [101, 100])
        #expect(reader.factReads == 2)
    }
}
