import Testing
import KiokuFormats
import KiokuMemory
import KiokuText
import KiokuTestSupport
@testable import KiokuMatch

/// What ranking reads of the hits it considers: a unit's dates and contexts only when they can
/// change the order — some unit has a date, or the lookup compares contexts —, the texts of
/// hits whose punctuation marks rule them out not at all, and the same order either way.
@Suite struct RankingReadsTests {
    /// A store's reader over fixed texts and dates, counting the reads of units' facts.
    final class CountingReader: RankingReader {
        let texts: [UnitID: String]
        let recency: [UnitID: String]
        let contexts: [UnitID: [String]]
        private(set) var factReads = 0
        private(set) var candidateReads = 0

        init(texts: [UnitID: String], recency: [UnitID: String] = [:], contexts: [UnitID: [String]] = [:]) {
            self.texts = texts
            self.recency = recency
            self.contexts = contexts
        }

        func candidate(_ key: VariantKey) -> (text: String, others: [(language: String, text: String)])? {
            candidateReads += 1
            return texts[key.unitID].map { ($0, [("ru", "перевод \(key.unitID.rawValue)")]) }
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
            CandidateSearch.Hit(key: VariantKey(unit: unit, position: 0)!, base: 88, distance: 1, longest: 8, punctuation: PunctuationMark([]))
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
        let hits = texts.keys.map { CandidateSearch.Hit(key: VariantKey(unit: $0, position: 0)!, base: 100, distance: 0, longest: 8, punctuation: PunctuationMark([])) }
        let ranking = Ranking(query: MatchScoring.Query(text: Self.query, form: form, unit: .word), source: .english, target: .russian,
                              options: LookupOptions(minimumScore: 50, context: "The summit opened."), datesMatter: false)
        let best = ranking.best(of: hits, reader: reader)
        #expect(best.map(\.unitID.rawValue) == [1, 2])  // the context match (101) before the higher id
        #expect(best.map(\.score) == [101, 100])
        #expect(reader.factReads == 2)
    }

    /// The hits the index would give for `texts` against `query` (every text one hit), each with
    /// the punctuation mark the index keeps — or, with `marksKnown` false, the query's own mark,
    /// which leaves ranking to read every hit of the top base score, as before the marks.
    static func rank(_ query: String, _ texts: [UnitID: String], limit: Int, marksKnown: Bool = true,
                     datesMatter: Bool = false) -> (units: [Int64], scores: [Int], reads: Int) {
        let form = MatchForm(query, unit: .word)
        let queryMark = PunctuationMark(form.punctuation.utf8)
        let hits = texts.compactMap { unit, text -> CandidateSearch.Hit? in
            let keys = MatchForm(text, unit: .word).classKeys
            let distance = levenshtein(form.classKeys, keys)
            let mark = LanguageIndex.forEachToken(in: text, unit: .word) { _ in }
            let base = MatchScoring.base(distance: distance, queryLength: form.classKeys.count, candidateLength: keys.count)
            guard base >= 50 else { return nil }  // what the search leaves out
            return CandidateSearch.Hit(key: VariantKey(unit: unit, position: 0)!, base: base, distance: distance,
                                       longest: max(form.classKeys.count, keys.count), punctuation: marksKnown ? mark : queryMark)
        }
        let reader = CountingReader(texts: texts)
        let ranking = Ranking(query: MatchScoring.Query(text: query, form: form, unit: .word), source: .english, target: .russian,
                              options: LookupOptions(minimumScore: 50, maximumResults: limit), datesMatter: datesMatter)
        let best = ranking.best(of: hits, reader: reader)
        return (best.map(\.unitID.rawValue), best.map(\.score), reader.candidateReads)
    }

    /// A query without the full stop every text has: each hit loses a point for punctuation.
    /// Knowing that from the marks, ranking reads the five it returns, not all twelve.
    @Test func aPunctuationEveryHitLacksIsKnownWithoutReadingTheTexts() {
        let texts = Dictionary(uniqueKeysWithValues: (1...12).map { (UnitID(Int64($0)), "Abe and Putin met in Tokyo on day\(UnicodeScalar(96 + $0)!).") })
        let query = "Abe and Putin met in Tokyo on Monday"
        let known = Self.rank(query, texts, limit: 5)
        let unknown = Self.rank(query, texts, limit: 5, marksKnown: false)
        #expect(known.units == [12, 11, 10, 9, 8] && known.scores == [86, 86, 86, 86, 86])
        #expect(known.units == unknown.units && known.scores == unknown.scores)
        #expect(known.reads == 5)
        #expect(unknown.reads == 12)
    }

    /// A hit whose mark costs it a point comes after one of the same base that keeps its
    /// ceiling, yet still wins the tie on unit id when a number penalty brings that one down.
    @Test func aHitAfterAPenalizedOneStillWinsTheTieOnItsID() {
        let texts = [UnitID(1): "Abe and Putin met in Tokyo on day 6.", UnitID(2): "Abe and Putin met in Tokyo on day 5"]
        let query = "Abe and Putin met in Tokyo on day 5."
        for limit in [1, 2] {
            let ranked = Self.rank(query, texts, limit: limit)
            #expect(ranked.units == [2, 1].prefix(limit).map { $0 }, "limit \(limit)")
            #expect(ranked.scores == [99, 99].prefix(limit).map { $0 })
        }
    }

    /// Near-duplicates of one sentence — a word changed, another number, other case, other
    /// punctuation —: the marks change what is read, never what is returned (with and without
    /// dates in play).
    @Test func marksNeverChangeTheAnswer() {
        var random = SeededGenerator(seed: 29)
        let sentence = ["Abe", "and", "Putin", "met", "in", "Tokyo", "on", "5", "May"]
        let others = ["Tokyo", "Moscow", "met", "talked", "abe", "PUTIN", "7", "June"]
        let stops = ["", ".", "!", "?", "…", ",", "\"", ":"]
        var fewerReads = 0, readsKnown = 0, readsUnknown = 0
        for round in 0..<200 {
            func variant() -> String {
                var words = sentence
                for _ in 0..<Int.random(in: 0...2, using: &random) {
                    words[Int.random(in: 0..<words.count, using: &random)] = others.randomElement(using: &random)!
                }
                let inner = Int.random(in: 0..<6, using: &random) == 0 ? ", " : " "
                return words.prefix(4).joined(separator: " ") + inner + words.dropFirst(4).joined(separator: " ") + stops.randomElement(using: &random)!
            }
            let texts = Dictionary(uniqueKeysWithValues: (1...30).map { (UnitID(Int64($0)), variant()) })
            let query = variant()
            let limit = Int.random(in: 1...6, using: &random)
            let known = Self.rank(String(query), texts, limit: limit)
            let unknown = Self.rank(String(query), texts, limit: limit, marksKnown: false)
            #expect(known.units == unknown.units && known.scores == unknown.scores, "round \(round): «\(query)», limit \(limit)")
            let dated = Self.rank(String(query), texts, limit: limit, datesMatter: true)
            #expect(dated.units == known.units, "round \(round), with dates")
            if known.reads < unknown.reads { fewerReads += 1 }
            readsKnown += known.reads
            readsUnknown += unknown.reads
        }
        #expect(fewerReads > 100 && readsKnown * 2 < readsUnknown)
    }

    /// The mark the index keeps for a text is the mark of the punctuation a final score compares
    /// (``ScoringForm``): otherwise a hit could be ranked below where its text puts it.
    @Test func theIndexsMarkIsTheMarkOfWhatScoringCompares() {
        let texts = ["Abe and Putin met.", "«Путин» — в Токио…", "東京で会談した。「平和条約」", "ＡＢＥ，ＰＵＴＩＮ！", "It's \u{201C}done\u{201D}",
                     "50% of $3.5bn (est.)", "Cafe\u{301} & co. — ok?!", "no punctuation at all", "", "   ", "%s items {0} [X10X]",
                     "e.g. U.S.-Japan ties", "a\tb\nc", "🇯🇵 flags 👍🏽", "Ｈｅｌｌｏ、ワールド！？", "don`t ``quote''"]
        for text in texts {
            for unit in [ScoringUnit.word, .character] {
                let indexed = LanguageIndex.forEachToken(in: text, unit: unit) { _ in }
                #expect(indexed == PunctuationMark(ScoringForm(text, unit: unit).punctuation), "«\(text)»")
                #expect(indexed == PunctuationMark(MatchForm(text, unit: unit).punctuation.utf8), "«\(text)»")
            }
        }
        #expect(PunctuationMark(Array("…".utf8)) != PunctuationMark(Array(".".utf8)))
    }
}
