import Foundation
import Testing
import KiokuTestSupport
import KiokuFormats
import KiokuMemory
import KiokuText
@testable import KiokuMatch

/// Units tokenized while they are imported (`ImportTokenizer`) give the index, byte for byte,
/// what reading them back gives, whatever else happened to the TM around the import.
@Suite struct ImportTokenizerTests {
    /// Units in EN–RU, EN–JA and all three, with numbers, placeholders, repeated and rare words.
    static func units(_ count: Int, seed: UInt64) -> [TranslationUnit] {
        var random = SeededGenerator(seed: seed)
        let english = ["Abe", "Putin", "met", "in", "Tokyo", "Vladivostok", "the", "summit", "%s", "{0}", "#", "treaty", "Kuril", "islands", "talks", "ended"]
        let russian = ["Абэ", "Путин", "встретились", "в", "Токио", "Владивостоке", "саммит", "договор", "Курильских", "островах", "#", "{0}"]
        let japanese = ["安倍", "プーチン", "東京", "首脳会談", "平和条約", "北方領土", "で", "会談", "した"]
        func sentence(_ words: [String], joiner: String) -> String {
            (0..<Int.random(in: 1...14, using: &random)).map { _ in
                Int.random(in: 0..<6, using: &random) == 0 ? String(Int.random(in: 1...2_025, using: &random)) : words.randomElement(using: &random)!
            }.joined(separator: joiner) + (Bool.random(using: &random) ? "." : "")
        }
        return (0..<count).map { number in
            let rare = "word\(number)"  // a token no other unit has: new ids all the way through
            switch number % 3 {
            case 0: return unit((.english, sentence(english, joiner: " ") + " " + rare), (.russian, sentence(russian, joiner: " ")))
            case 1: return unit((.english, sentence(english, joiner: " ")), (.japanese, sentence(japanese, joiner: "")))
            default: return unit((.english, sentence(english, joiner: " ")), (.russian, sentence(russian, joiner: " ") + " " + rare),
                                 (.japanese, sentence(japanese, joiner: "")))
            }
        }
    }

    /// The saved index of every language: its tokens and its chunks' bytes.
    static func savedIndex(_ tm: any MemoryStore) throws -> [String: (tokens: [String: UInt32], chunks: [[UInt8]])] {
        var saved: [String: (tokens: [String: UInt32], chunks: [[UInt8]])] = [:]
        for language in try tm.indexedLanguages() {
            var tokens: [String: UInt32] = [:], chunks: [[UInt8]] = []
            try tm.loadIndex(language: language, vocabulary: { tokens[$0] = $1 }) { bytes, _ in chunks.append(Array(bytes)) }
            saved[language] = (tokens, chunks)
        }
        return saved
    }

    static func expectSameIndex(_ a: any MemoryStore, _ b: any MemoryStore) throws {
        let left = try savedIndex(a), right = try savedIndex(b)
        #expect(left.keys.sorted() == right.keys.sorted())
        for (language, index) in left {
            // compared apart from the expectation, which would print every byte of both
            let sameTokens = index.tokens == right[language]?.tokens, sameChunks = index.chunks == right[language]?.chunks
            #expect(sameTokens, "tokens of \(language)")
            #expect(sameChunks, "chunks of \(language): \(index.chunks.map(\.count)) against \(right[language]?.chunks.map(\.count) ?? [])")
        }
    }

    /// Imports `units` with the tokenizer and indexes them from its documents.
    @discardableResult
    static func importTokenized(_ units: [TranslationUnit], into tm: any MemoryStore) throws -> FuzzyIndex.UpdateReport {
        let tokenizer = try ImportTokenizer(memory: tm)
        let documents = try Self.importing(units, into: tm, tokenizer: tokenizer)
        return try FuzzyIndex(memory: tm).update(adding: documents)
    }

    static func importing(_ units: [TranslationUnit], into tm: any MemoryStore, tokenizer: ImportTokenizer) throws -> ImportedDocuments {
        _ = try tm.add(units, options: ImportOptions(inserted: tokenizer.take))
        return tokenizer.finish()
    }

    @Test func theImportsDocumentsBuildTheIndexReadingBackBuilds() throws {
        let first = Self.units(1_200, seed: 1), second = Self.units(600, seed: 2)
        for makeStore in [{ try TranslationMemory(path: Scratch.tmPath()) as any MemoryStore }, { InMemoryStore() }] {
            let tokenized = try makeStore(), readBack = try makeStore()
            let report = try Self.importTokenized(first, into: tokenized)
            _ = try readBack.add(first)
            #expect(try FuzzyIndex(memory: readBack).update().documentsAdded == report.documentsAdded)
            #expect(report.documentsAdded == 2_800)  // 400 units of three languages, 800 of two
            try Self.expectSameIndex(tokenized, readBack)
            // a second import appends to a saved index, new words and known ones alike
            try Self.importTokenized(second, into: tokenized)
            _ = try readBack.add(second)
            try FuzzyIndex(memory: readBack).update()
            try Self.expectSameIndex(tokenized, readBack)
            #expect(try FuzzyIndex(memory: tokenized).update().documentsAdded == 0)
        }
    }

    /// More English documents than one chunk holds: the first segment is encoded while the import
    /// runs. Into a new TM the documents are saved as they are; into an indexed one, or with units
    /// another program added in between, they are read back from their blobs and appended.
    @Test func segmentsEncodedDuringTheImportGiveTheIndexReadingBackBuilds() throws {
        let units = Self.units(IndexChunk.capacity + 1_500, seed: 9), earlier = Self.units(300, seed: 10)
        let fresh = try TranslationMemory(path: Scratch.tmPath()), freshBack = try TranslationMemory(path: Scratch.tmPath())
        let matcher = Matcher(index: try FuzzyIndex(memory: fresh))
        let tokenizer = try ImportTokenizer(memory: fresh)
        let documents = try Self.importing(units, into: fresh, tokenizer: tokenizer)
        #expect(try matcher.index.update(adding: documents).documentsAdded == documents.count)
        _ = try freshBack.add(units)
        try FuzzyIndex(memory: freshBack).update()
        try Self.expectSameIndex(fresh, freshBack)
        #expect(try Self.savedIndex(fresh)["en"]?.chunks.count == 2)
        // the same index, which saved the documents without keeping them, loads them to look up
        let last = units[units.count - 1].variants[0].segment.text
        #expect(try matcher.scores(last, .english, units[units.count - 1].variants[1].language).first == 100)

        let indexed = try TranslationMemory(path: Scratch.tmPath()), indexedBack = try TranslationMemory(path: Scratch.tmPath())
        try Self.importTokenized(earlier, into: indexed)
        try Self.importTokenized(units, into: indexed)
        _ = try indexedBack.add(earlier + units)
        try FuzzyIndex(memory: indexedBack).update()
        try Self.expectSameIndex(indexed, indexedBack)

        let path = Scratch.tmPath()
        let joined = try TranslationMemory(path: path), other = try TranslationMemory(path: path, create: false)
        let joinedBack = try TranslationMemory(path: Scratch.tmPath())
        let joinedTokenizer = try ImportTokenizer(memory: joined)
        let joinedDocuments = try Self.importing(units, into: joined, tokenizer: joinedTokenizer)
        _ = try other.add(earlier)  // after the import, before its indexing
        try FuzzyIndex(memory: joined).update(adding: joinedDocuments)
        _ = try joinedBack.add(units + earlier)
        try FuzzyIndex(memory: joinedBack).update()
        try Self.expectSameIndex(joined, joinedBack)
    }

    @Test func unitsAnotherProgramAddedBeforeAndAfterAreReadBack() throws {
        let units = Self.units(900, seed: 3)
        let path = Scratch.tmPath()
        let tm = try TranslationMemory(path: path), other = try TranslationMemory(path: path, create: false)
        let readBack = try TranslationMemory(path: Scratch.tmPath())
        _ = try other.add(Array(units[0..<300]))  // not indexed
        let tokenizer = try ImportTokenizer(memory: tm)
        let documents = try Self.importing(Array(units[300..<600]), into: tm, tokenizer: tokenizer)
        _ = try other.add(Array(units[600...]))  // after the import, before its indexing
        #expect(try FuzzyIndex(memory: tm).update(adding: documents).documentsAdded == 2_100)
        for part in [units[0..<300], units[300..<600], units[600...]] { _ = try readBack.add(Array(part)) }
        try FuzzyIndex(memory: readBack).update()
        try Self.expectSameIndex(tm, readBack)
    }

    @Test func anEditOrDeletionAfterTheImportIsNotLostToItsDocuments() throws {
        let path = Scratch.tmPath()
        let tm = try TranslationMemory(path: path), other = try TranslationMemory(path: path, create: false)
        let tokenizer = try ImportTokenizer(memory: tm)
        let documents = try Self.importing([
            unit((.english, "The summit in Vladivostok ended."), (.russian, "Саммит во Владивостоке завершился.")),
            unit((.english, "Abe and Putin met in Tokyo."), (.russian, "Абэ и Путин встретились в Токио.")),
        ], into: tm, tokenizer: tokenizer)
        // another program changes both units before this one indexes them
        _ = try other.editVariant(of: 1, language: .english, to: Segment(text: "The talks on the Kuril islands went on."), stamp: .now(by: nil))
        _ = try other.deleteUnits([2], stamp: .now(by: nil))
        let matcher = Matcher(index: try FuzzyIndex(memory: tm))
        try matcher.index.update(adding: documents)
        #expect(try matcher.scores("The talks on the Kuril islands went on.") == [100])
        #expect(try matcher.scores("The summit in Vladivostok ended.").isEmpty)
        #expect(try matcher.scores("Abe and Putin met in Tokyo.").isEmpty)
    }

    @Test func documentsOfUnitsAlreadyIndexedAreLeftAside() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        let tokenizer = try ImportTokenizer(memory: tm)
        let documents = try Self.importing(Self.units(50, seed: 4), into: tm, tokenizer: tokenizer)
        #expect(documents.count == 116)  // 50 units, 16 of them in three languages
        #expect(try FuzzyIndex(memory: tm).update().documentsAdded == 116)
        #expect(try FuzzyIndex(memory: tm).update(adding: documents).documentsAdded == 0)
    }

    @Test func aFailedImportKeepsNoDocuments() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        let tokenizer = try ImportTokenizer(memory: tm)
        let broken = Scratch.file("broken.tmx", "<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>Tokyo</seg></tuv><tuv xml:lang=\"ru\"><seg>Токио</seg></tuv></tu><tu>")
        #expect(throws: MemoryError.self) {
            try tm.importUnits(from: [ImportSource(origin: broken, reader: try TMXReader(path: broken))], options: ImportOptions(inserted: tokenizer.take))
        }
        tokenizer.cancel()
        #expect(try tm.statistics().units == 0)
        #expect(try FuzzyIndex(memory: tm).update().documentsAdded == 0)
    }

    @Test func aTokenizerIsFinishedOnceAndFreedWhenDroppedUnfinished() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        let tokenizer = try ImportTokenizer(memory: tm)
        _ = try tm.add(Self.units(10, seed: 5), options: ImportOptions(inserted: tokenizer.take))
        #expect(tokenizer.finish().count == 23)
        #expect(tokenizer.finish().count == 0)  // handed over once
        tokenizer.cancel()
        // one dropped before its import ends: its thread does not keep it (or itself) alive
        weak var dropped: ImportTokenizer?
        do {
            let unfinished = try ImportTokenizer(memory: tm)
            unfinished.take(1, Self.units(1, seed: 6)[0])
            dropped = unfinished
        }
        #expect(dropped == nil)
    }

    @Test func unitsPastTheBudgetAreLeftToBeReadBack() throws {
        let units = Self.units(600, seed: 7)
        let tm = try TranslationMemory(path: Scratch.tmPath()), readBack = try TranslationMemory(path: Scratch.tmPath())
        let tokenizer = try ImportTokenizer(memory: tm, budget: 8_000)
        let documents = try Self.importing(units, into: tm, tokenizer: tokenizer)
        let covered = try #require(documents.units)
        #expect(covered.lowerBound == 1 && covered.upperBound > 10 && covered.upperBound < 600)
        #expect(try FuzzyIndex(memory: tm).update(adding: documents).documentsAdded == 1_400)
        _ = try readBack.add(units)
        try FuzzyIndex(memory: readBack).update()
        try Self.expectSameIndex(tm, readBack)
    }

    /// `kioku copy` tokenizes the units as it writes them, and a copied TM keeps the gaps its
    /// deletions left in the ids: the copy's documents must still stand in for reading back.
    @Test func aCopysUnitsWithGapsInTheirIdsBuildTheIndexReadingBackBuilds() throws {
        let source = try TranslationMemory(path: Scratch.tmPath())
        _ = try source.add(Self.units(900, seed: 8))
        let deleted = stride(from: 3, through: 900, by: 7).map { UnitID(Int64($0)) } + (880...900).map { UnitID(Int64($0)) }
        _ = try source.deleteUnits(deleted, stamp: .now(by: nil))
        for makeStore in [{ try TranslationMemory(path: Scratch.tmPath()) as any MemoryStore }, { InMemoryStore() }] {
            let copied = try makeStore(), readBack = try makeStore()
            let tokenizer = try ImportTokenizer(memory: copied, idsMayHaveGaps: true)
            let report = try source.copy(to: copied, inserted: tokenizer.take)
            #expect(report.units == 900 - Set(deleted).count)
            let documents = tokenizer.finish()
            #expect(documents.units == UnitID(1)...UnitID(879))
            let added = try FuzzyIndex(memory: copied).update(adding: documents).documentsAdded
            _ = try source.copy(to: readBack)
            #expect(try FuzzyIndex(memory: readBack).update().documentsAdded == added)
            try Self.expectSameIndex(copied, readBack)
        }
    }

    /// Ids with a gap, or out of order, are not vouched for unless the caller says so, and
    /// are then read back (an import's ids follow one another).
    @Test func documentsWhoseIdsDoNotFollowEachOtherAreNotTaken() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        let unit = Self.units(1, seed: 9)[0]
        for (ids, gapsAllowed, taken) in [([1, 2, 4], false, false), ([1, 2, 4], true, true), ([5, 3], true, false), ([5, 3], false, false)] {
            let tokenizer = try ImportTokenizer(memory: tm, idsMayHaveGaps: gapsAllowed)
            for id in ids { tokenizer.take(UnitID(Int64(id)), unit) }
            let documents = tokenizer.finish()
            #expect(documents.count == ids.count * 2)
            #expect((documents.units != nil) == taken, "ids \(ids), gaps allowed: \(gapsAllowed)")
        }
    }
}
