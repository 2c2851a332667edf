import Testing
import KiokuTestSupport
import KiokuFormats
import KiokuMemory
import KiokuText
@testable import KiokuMatch

/// The index must find exactly what a scan of every unit finds.
@Suite struct ExactnessTests {
    /// A small seeded generator, so every run tests the same TMs and queries.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let english = """
        the a of in to and Japan Russia Moscow Tokyo Abe Putin summit forum islands treaty peace talks economic
        president minister said will not on for with by at December May 15 70 2016 new era relations trust
        Vladivostok Sochi TASS NHK Nikkei dispute territorial cooperation agreed meet again leaders Far East
        """.split(whereSeparator: \.isWhitespace).map(String.init)
    static let russian = """
        и в на с по не Япония России Москва Токио Абэ Путин саммит форум острова договор мира переговоры
        президент министр сказал будет декабря мая 15 70 2016 эра отношения доверие Владивосток Сочи ТАСС
        """.split(whereSeparator: \.isWhitespace).map(String.init)
    static let japanese = Array("日本ロシアモスクワ東京安倍プーチン首脳会談平和条約北方四島経済協力ウラジオストクソチの は が を に で と 月 日 年 ・、。12345")
        .filter { !$0.isWhitespace }.map(String.init)

    static func sentence(_ words: [String], length: Int, joiner: String, random: inout Generator) -> [String] {
        (0..<length).map { _ in random.pick(words) }
    }

    static func perturb(_ tokens: [String], edits: Int, vocabulary: [String], random: inout Generator) -> [String] {
        var tokens = tokens
        for _ in 0..<edits {
            let position = random.below(max(tokens.count, 1))
            switch random.below(3) {
            case 0 where !tokens.isEmpty: tokens[position] = random.pick(vocabulary)
            case 1: tokens.insert(random.pick(vocabulary), at: min(position, tokens.count))
            default: if tokens.count > 2 { tokens.remove(at: position) }
            }
        }
        return tokens
    }

    /// A TM of near-duplicate clusters, and the sentences its sources were made of.
    func build(source: LanguageTag, target: LanguageTag, sourceWords: [String], targetWords: [String], joiner: String,
               lengths: ClosedRange<Int>, units: Int, random: inout Generator) throws -> (TranslationMemory, [[String]]) {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        var sentences: [[String]] = []
        var batch: [TranslationUnit] = []
        for _ in 0..<units {
            let tokens = sentences.isEmpty || random.below(10) < 6
                ? Self.sentence(sourceWords, length: random.below(lengths.count) + lengths.lowerBound, joiner: joiner, random: &random)
                : Self.perturb(random.pick(sentences), edits: random.below(4) + 1, vocabulary: sourceWords, random: &random)
            sentences.append(tokens)
            let translation = Self.sentence(targetWords, length: 8, joiner: " ", random: &random).joined(separator: " ")
            batch.append(unit((source, tokens.joined(separator: joiner) + "."), (target, translation)))
        }
        try tm.add(batch)
        return (tm, sentences)
    }

    /// Compares indexed and exhaustive lookups of `queries` queries; returns how many agreed
    /// before the first that did not.
    func compare(_ matcher: Matcher, source: LanguageTag, target: LanguageTag, sentences: [[String]], sourceWords: [String], joiner: String,
                 lengths: ClosedRange<Int>, queries: Int, random: inout Generator) throws -> Int {
        var compared = 0
        for number in 0..<queries {
            // both ways of counting shared tokens, and the automatic choice
            let counting: CandidateSearch.Counting = [.automatic, .sparse, .dense][number % 3]
            let tokens = random.below(2) == 0
                ? Self.perturb(random.pick(sentences), edits: random.below(5), vocabulary: sourceWords, random: &random)
                : Self.sentence(sourceWords, length: random.below(lengths.count) + lengths.lowerBound, joiner: joiner, random: &random)
            let query = tokens.joined(separator: joiner)
            let minimum = [50, 70, 90][(number / 3) % 3]
            var options = LookupOptions(minimumScore: minimum, maximumResults: 100_000)
            options.counting = counting
            let indexed = try matcher.lookup(query, from: source, to: target, options: options)
            let scanned = try matcher.lookup(query, from: source, to: target,
                                             options: LookupOptions(minimumScore: minimum, maximumResults: 100_000, exhaustive: true))
            #expect(indexed == scanned, "query \(number) at \(minimum): \(query)")
            if indexed != scanned { return compared }
            compared += 1
        }
        return compared
    }

    /// Builds a TM with near-duplicate clusters and compares indexed and exhaustive lookups.
    func compare(source: LanguageTag, target: LanguageTag, sourceWords: [String], targetWords: [String], joiner: String,
                 lengths: ClosedRange<Int>, units: Int, queries: Int, seed: UInt64) throws -> Int {
        var random = Generator(state: seed)
        let (tm, sentences) = try build(source: source, target: target, sourceWords: sourceWords, targetWords: targetWords,
                                        joiner: joiner, lengths: lengths, units: units, random: &random)
        return try compare(try Matcher(memory: tm), source: source, target: target, sentences: sentences, sourceWords: sourceWords,
                           joiner: joiner, lengths: lengths, queries: queries, random: &random)
    }

    @Test func englishRussianIndexEqualsScan() throws {
        let compared = try compare(source: .english, target: .russian, sourceWords: Self.english, targetWords: Self.russian,
                                   joiner: " ", lengths: 3...24, units: 900, queries: 600, seed: 7)
        #expect(compared == 600)
    }

    @Test func englishJapaneseIndexEqualsScan() throws {
        // Japanese sources up to 90 characters: the edit distance runs on more than one 64-bit block.
        let compared = try compare(source: .japanese, target: .english, sourceWords: Self.japanese, targetWords: Self.english,
                                   joiner: "", lengths: 4...90, units: 500, queries: 450, seed: 11)
        #expect(compared == 450)
    }

    /// Deletions and edits, made through the index's own TM object and through a second one
    /// (another program: the index learns of them from the change log), leave the index exact:
    /// while it follows them, once it is saved and loaded again, and after compaction.
    @Test(arguments: [(LanguageTag.english, 900, 3...24, 21 as UInt64), (LanguageTag.japanese, 500, 4...90, 23)])
    func deletionsAndEditsKeepTheIndexExact(source: LanguageTag, units: Int, lengths: ClosedRange<Int>, seed: UInt64) throws {
        let japanese = source == .japanese
        let (sourceWords, targetWords, joiner) = japanese ? (Self.japanese, Self.english, "") : (Self.english, Self.russian, " ")
        let target: LanguageTag = japanese ? .english : .russian
        var random = Generator(state: seed)
        var (tm, sentences) = try build(source: source, target: target, sourceWords: sourceWords, targetWords: targetWords,
                                        joiner: joiner, lengths: lengths, units: units, random: &random)
        let matcher = try Matcher(memory: tm)
        _ = try matcher.lookup("Tokyo", from: source, to: target)  // the index is built and saved before the changes
        let other = try TranslationMemory(path: tm.path, create: false)
        let stamp = ChangeStamp(date: "20261127T120000Z", user: "reviewer")
        var deleted = 0, edited = 0
        for round in 0..<units / 3 {
            let store: TranslationMemory = round % 2 == 0 ? tm : other
            let id = UnitID(Int64(random.below(units) + 1))
            if random.below(2) == 0 {
                deleted += try store.deleteUnits([id], stamp: stamp).count
            } else if try store.unit(id) != nil {
                // a source edited into a near neighbour of another sentence, or a new target
                let editSource = random.below(3) > 0
                let tokens = Self.perturb(random.pick(sentences), edits: random.below(3) + 1, vocabulary: sourceWords, random: &random)
                if editSource { sentences.append(tokens) }
                let text = editSource ? tokens.joined(separator: joiner) : Self.sentence(targetWords, length: 6, joiner: " ", random: &random).joined(separator: " ")
                let edit = try store.editVariant(of: id, language: editSource ? source : target, to: Segment(text: text), stamp: stamp)
                if edit.changed { edited += 1 }
            }
            if round % 25 == 0 {  // lookups between the changes, so the index follows them piecemeal
                _ = try matcher.lookup(random.pick(sentences).joined(separator: joiner), from: source, to: target)
            }
        }
        #expect(deleted > units / 10 && edited > units / 10)
        let queries = 150
        #expect(try compare(matcher, source: source, target: target, sentences: sentences, sourceWords: sourceWords, joiner: joiner,
                            lengths: lengths, queries: queries, random: &random) == queries)
        // The saved index, tombstones and all, as the next program loads it.
        tm = try TranslationMemory(path: tm.path, create: false)
        #expect(try compare(try Matcher(memory: tm), source: source, target: target, sentences: sentences, sourceWords: sourceWords,
                            joiner: joiner, lengths: lengths, queries: queries, random: &random) == queries)
        #expect(try FuzzyIndex.check(memory: tm, sample: 5).isSound)
        // Compacted: no dead documents left, and still exact.
        let index = try FuzzyIndex(memory: tm)
        try index.compact()
        #expect(try IndexUpdater(memory: tm, parallel: false).loadedLanguage(source.language)!.chunks.allSatisfy { $0.deadCount == 0 })
        #expect(try compare(Matcher(index: index), source: source, target: target, sentences: sentences, sourceWords: sourceWords,
                            joiner: joiner, lengths: lengths, queries: queries, random: &random) == queries)
        #expect(try FuzzyIndex.check(memory: tm, sample: 5).isSound)
    }
}
