import Foundation
import Testing
import KiokuTestSupport
import KiokuFormats
import KiokuMemory
import KiokuText
@testable import KiokuMatch

@Suite struct IndexTests {
    @Test func theIndexLivesInTheTMFileAndIsReadyAtOpen() throws {
        let path = Scratch.tmPath()
        do {
            let tm = try TranslationMemory(path: path)
            _ = try tm.importUnits(from: [.init(origin: "seed", reader: try TMXReader(path: Repository.sample("seed-summit.tmx")))])
            let report = try FuzzyIndex(memory: tm).update()
            #expect(report.documentsAdded == 75)  // 25 units × 3 languages
        }
        let reopened = try TranslationMemory(path: path, create: false)
        let index = try FuzzyIndex(memory: reopened)
        #expect(try index.update().documentsAdded == 0)  // nothing to rebuild
        let matches = try Matcher(index: index).lookup("Moscow and Tokyo have still not signed a peace treaty.", from: .english, to: .russian,
                                                       options: LookupOptions(minimumScore: 50))
        #expect(matches.first?.unitID == 7)
    }

    @Test func importsAreIndexedIncrementally() throws {
        let tm = try TranslationMemory.seed()
        let matcher = try Matcher(memory: tm)
        #expect(try matcher.scores("The Nikkei newspaper reported the talks.").isEmpty)
        try tm.add([unit((.english, "The Nikkei newspaper reported the talks."), (.russian, "Газета Nikkei сообщила о переговорах."))])
        // the same Matcher sees the new unit at once, and only it was indexed
        #expect(try matcher.scores("The Nikkei newspaper reported the talks.") == [100])
        #expect(try matcher.index.update().documentsAdded == 0)
    }

    @Test func aServerStyleIndexIsUpdatedByItsOwnerNotByLookups() throws {
        let tm = try TranslationMemory.seed()
        let matcher = Matcher(index: try FuzzyIndex(memory: tm, lookupsUpdate: false, parallelUpdates: false))
        try matcher.index.update()
        try matcher.index.load()
        #expect(try matcher.scores("Moscow and Tokyo have still not signed a peace treaty following the end of World War II.") == [100])
        try tm.add([unit((.english, "The Nikkei newspaper reported the talks."), (.russian, "Газета Nikkei сообщила о переговорах."))])
        // lookups search what is published…
        #expect(try matcher.scores("The Nikkei newspaper reported the talks.").isEmpty)
        // …until the owner updates, which publishes the new unit at once
        #expect(try matcher.index.update().documentsAdded == 2)
        #expect(try matcher.scores("The Nikkei newspaper reported the talks.") == [100])
    }

    @Test func anIndexReloadsWhatAnotherProgramIndexedAndAppendsOnTop() throws {
        let path = Scratch.tmPath()
        let first = try TranslationMemory(path: path)
        try first.add([unit((.english, "Tokyo"), (.russian, "Токио"))])
        let server = Matcher(index: try FuzzyIndex(memory: first, lookupsUpdate: false))
        try server.index.update()
        // another program adds and indexes units in the same file
        let other = try TranslationMemory(path: path, create: false)
        try other.add([unit((.english, "Tokyo Bay"), (.russian, "Токийский залив"))])
        try FuzzyIndex(memory: other).update()
        try first.add([unit((.english, "Tokyo Tower"), (.russian, "Токийская башня"))])
        #expect(try server.index.update().documentsAdded == 2)  // only its own new unit
        #expect(try server.scores("Tokyo Bay") == [100, 50, 50])
        #expect(try server.scores("Tokyo Tower") == [100, 50, 50])
        // and what it saved is what a fresh reader finds
        #expect(try Matcher(memory: try TranslationMemory(path: path, create: false)).scores("Tokyo Tower") == [100, 50, 50])
    }

    @Test func indexDataKeptInMemoryIsSavedByPersistAndRebuiltWhenLost() throws {
        let path = Scratch.tmPath()
        let tm = try TranslationMemory(path: path)
        try tm.add([unit((.english, "Tokyo"), (.russian, "Токио"))])
        let index = try FuzzyIndex(memory: tm, lookupsUpdate: false)
        #expect(try index.update().documentsAdded == 2)
        try tm.add([unit((.english, "Tokyo Bay"), (.russian, "Токийский залив"))])
        #expect(try index.update(persist: false).documentsAdded == 2)
        #expect(try Matcher(index: index).scores("Tokyo Bay") == [100, 50])
        // the file's index is behind: a process that starts now indexes the rest itself
        #expect(try FuzzyIndex(memory: TranslationMemory(path: path, create: false)).update(persist: false).documentsAdded == 2)
        try index.persist()
        #expect(try FuzzyIndex(memory: TranslationMemory(path: path, create: false)).update().documentsAdded == 0)
        #expect(try Matcher(memory: TranslationMemory(path: path, create: false)).scores("Tokyo Bay") == [100, 50])
    }

    @Test func anotherConnectionsImportIsSeen() throws {
        let path = Scratch.tmPath()
        let writer = try TranslationMemory(path: path)
        try writer.add([unit((.english, "Tokyo"), (.russian, "Токио"))])
        let reader = try TranslationMemory(path: path, create: false)
        let matcher = try Matcher(memory: reader)
        #expect(try matcher.scores("Tokyo") == [100])
        try writer.add([unit((.english, "Tokyo Bay"), (.russian, "Токийский залив"))])
        Thread.sleep(forTimeInterval: FuzzyIndex.crossProcessCheckInterval + 0.05)
        #expect(try matcher.scores("Tokyo Bay") == [100, 50])
    }

    /// An index saved by an earlier format (0a7c790 made placeholders two tokens) is rebuilt
    /// from the units the first time it is opened, once.
    @Test func anIndexOfAnEarlierFormatIsRebuiltOnce() throws {
        let path = Scratch.path("old.kioku")
        try FileManager.default.copyItem(atPath: Repository.fixture("seed-0a7c790.kioku", of: "KiokuMemoryTests"), toPath: path)
        let tm = try TranslationMemory(path: path, create: false)
        let index = try FuzzyIndex(memory: tm)
        #expect(try index.update().documentsAdded == 75)
        #expect(try tm.indexFormat() == IndexUpdater.format)
        #expect(try FuzzyIndex(memory: TranslationMemory(path: path, create: false)).update().documentsAdded == 0)
        #expect(try Matcher(index: index).lookup("Moscow and Tokyo have still not signed a peace treaty.", from: .english, to: .russian,
                                                  options: LookupOptions(minimumScore: 50)).first?.unitID == 7)
    }

    @Test func chunksSurviveTheirBlobs() throws {
        var chunk = IndexChunk()
        let five = VariantKey(unit: 5, position: 0)!, six = VariantKey(unit: 6, position: 0)!, seven = VariantKey(unit: 7, position: 1)!
        chunk.append([(key: five, tokens: [2, 3, 2]), (key: six, tokens: [4]), (key: seven, tokens: [3, 4, 5, 2])])
        let decoded = try #require(IndexChunk(encoded: chunk.encoded()))
        #expect(decoded.documents == chunk.documents)
        #expect(decoded.postings == chunk.postings)
        // documents sorted by length; token 2 is in the 3-token and the 4-token document, twice in the first
        #expect((0..<3).map(decoded.key(of:)) == [six, five, seven])
        let postings = decoded.postingRange(of: 2).map { Posting(raw: decoded.postings[$0]) }
        #expect(postings.map(\.document) == [1, 2])
        #expect(postings.map { $0.shared(with: 15) } == [2, 1])
        #expect(IndexChunk(encoded: Array(chunk.encoded().dropLast(3))) == nil)
    }

    /// The search finds a document's tokens and the documents a list may open from lengths
    /// alone; both must agree with the offsets, for a built chunk and one read from its blob.
    @Test func documentsAreFoundFromTheirLengths() throws {
        var chunk = IndexChunk()
        var random = ExactnessTests.Generator(state: 5)
        chunk.append((1...300).map { unit in
            let length = unit % 7 == 0 ? 0 : random.below(40) + 1  // empty documents too, and lengths that repeat
            return (key: VariantKey(unit: UnitID(Int64(unit)), position: 0)!, tokens: (0..<length).map { _ in UInt32(random.below(50)) })
        })
        let decoded = try #require(IndexChunk(encoded: chunk.encoded()))
        for read in [chunk, decoded] {
            for document in 0..<read.count {
                let length = read.length(of: document)
                #expect(read.tokenStart(of: document, length: length) == Int(read.offsets[document]), "document \(document)")
            }
            for length in -1...45 {
                let longer = (0..<read.count).first { read.length(of: $0) > length } ?? read.count
                #expect(read.firstDocument(longerThan: length) == longer, "length \(length)")
            }
        }
    }

    @Test func concordanceFindsInflectedRussianAndJapaneseSubstrings() throws {
        let tm = try TranslationMemory.seed()
        let concordance = try Concordance(memory: tm)
        let vladivostok = try concordance.search("Владивосток", language: .russian, limit: 50)
        #expect(vladivostok.count == 6)
        let first = try #require(vladivostok.first)
        #expect(first.text.contains("Владивостоке"))
        let range = try #require(first.highlights.first)
        #expect(String(Array(first.text)[range.start..<range.start + range.length]) == "Владивостоке")
        #expect(first.translations["en"]?.contains("Vladivostok") == true)

        let islands = try concordance.search("island", language: .english)
        #expect(Set(islands.map(\.unitID)) == [8, 10])  // "islands" and "island"

        let japanese = try concordance.search("ウラジオストク", language: .japanese, limit: 50)
        #expect(japanese.count == 6)
        #expect(japanese.allSatisfy { hit in
            hit.highlights.allSatisfy { String(Array(hit.text)[$0.start..<$0.start + $0.length]) == "ウラジオストク" }
        })
        let phrase = try concordance.search("peace treaty", language: .english)
        #expect(phrase.map(\.unitID).sorted() == [7, 9])
        #expect(try concordance.search("Шинзо", language: .russian).isEmpty)
    }
}
