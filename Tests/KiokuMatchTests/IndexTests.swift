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

    /// How far an index is behind its TM, which a program tells its user before a long first lookup.
    @Test func anIndexKnowsHowManyUnitsItIsBehind() throws {
        let path = Scratch.tmPath()
        let tm = try TranslationMemory(path: path)
        try tm.add((0..<30).map { unit((.english, "Report \($0)"), (.russian, "Сообщение \($0)")) })
        let index = try FuzzyIndex(memory: tm, lookupsUpdate: false)
        #expect(try index.unitsBehind() == 30)
        try index.update(persist: false)
        #expect(try index.unitsBehind() == 0)
        try tm.add((30..<42).map { unit((.english, "Report \($0)"), (.russian, "Сообщение \($0)")) })
        #expect(try index.unitsBehind() == 12)
        // another program starts from what was saved: nothing yet, then the first 30
        #expect(try FuzzyIndex(memory: TranslationMemory(path: path, create: false)).unitsBehind() == 42)
        try index.persist()
        #expect(try index.unitsBehind() == 0)
        try tm.add([unit((.english, "Report 42"), (.russian, "Сообщение 42"))])
        #expect(try FuzzyIndex(memory: TranslationMemory(path: path, create: false)).unitsBehind() == 1)
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
        chunk.append([ChunkDocument(key: five, tokens: [2, 3, 2], punctuation: PunctuationMark(raw: 5)),
                      ChunkDocument(key: six, tokens: [4], punctuation: PunctuationMark(raw: 6)),
                      ChunkDocument(key: seven, tokens: [3, 4, 5, 2], punctuation: PunctuationMark(raw: 7))])
        let decoded = try #require(IndexChunk(encoded: chunk.encoded()))
        #expect(decoded.documents == chunk.documents)
        // each document keeps its punctuation's mark through the sorting and the blob
        #expect((0..<3).map { decoded.mark(of: $0).raw } == [6, 5, 7])
        #expect(decoded.compacted().marks == decoded.marks)
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
            return ChunkDocument(key: VariantKey(unit: UnitID(Int64(unit)), position: 0)!, tokens: (0..<length).map { _ in UInt32(random.below(50)) },
                                 punctuation: PunctuationMark(raw: UInt8(unit % 256)))
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

    /// An import's segment becomes the chunk that appending its documents makes (sorted by
    /// length, then key), whether its keys rise, as an import's do, or not.
    @Test func aSegmentsDocumentsMakeTheChunkAppendingThemMakes() throws {
        var random = SeededGenerator(seed: 17)
        let documents: [ChunkDocument] = (0..<3_000).map { number in
            let tokens = (0..<Int.random(in: 0...12, using: &random)).map { _ in UInt32.random(in: 1...400, using: &random) }
            return ChunkDocument(key: VariantKey(unit: UnitID(Int64(number / 2 + 1)), position: number % 2)!, tokens: tokens,
                                 punctuation: PunctuationMark(raw: UInt8.random(in: 0...255, using: &random)))
        }
        for order in [documents, documents.shuffled(using: &random)] {
            var appended = IndexChunk()
            appended.append(order)
            var offsets: [UInt32] = [0], tokens: [UInt32] = []
            for document in order {
                tokens += document.tokens
                offsets.append(UInt32(tokens.count))
            }
            let made = IndexChunk(keys: order.map(\.key.packed), marks: order.map(\.punctuation.raw), offsets: offsets, tokens: tokens)
            #expect(made.documents == appended.documents)
            #expect(made.marks == appended.marks)
            #expect(made.offsets == appended.offsets)
            #expect(made.tokens == appended.tokens)
            #expect(made.lengthStarts == appended.lengthStarts && made.lengthStarts.count > 10)
            #expect(made.encoded() == appended.encoded())
            #expect(made.postings.isEmpty)
        }
    }

    /// Format 3 saves a chunk without its inverted lists and with packed tokens: reading the blob
    /// rebuilds lists equal to the ones built with the chunk, token ids of every size included.
    @Test func aChunksBlobHoldsItsTokensPackedAndItsListsAreRebuilt() throws {
        var chunk = IndexChunk()
        var random = ExactnessTests.Generator(state: 11)
        let large: [UInt32] = [0, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152]  // one to four bytes
        chunk.append((1...400).map { unit in
            let length = unit % 9 == 0 ? 0 : random.below(30) + 1
            let tokens = (0..<length).map { _ in random.below(5) == 0 ? large[random.below(large.count)] : UInt32(random.below(300)) }
            return ChunkDocument(key: VariantKey(unit: UnitID(Int64(unit)), position: unit % 3)!, tokens: tokens,
                                 punctuation: PunctuationMark(raw: UInt8(unit % 200)))
        })
        let blob = chunk.encoded()
        let decoded = try #require(IndexChunk(encoded: blob))
        #expect(decoded.documents == chunk.documents && decoded.offsets == chunk.offsets && decoded.tokens == chunk.tokens)
        #expect(decoded.marks == chunk.marks)
        #expect(decoded.postingStarts == chunk.postingStarts && decoded.postings == chunk.postings)
        #expect(decoded.encoded() == blob)
        // the lists left for the caller to build
        var bare = try #require(blob.withUnsafeBytes { IndexChunk(encoded: $0, withPostings: false) })
        #expect(bare.postings.isEmpty)
        bare.rebuildPostings()
        #expect(bare.postings == chunk.postings)
        // the largest ids take five bytes (read without lists: those would be sized by the id)
        var wide = IndexChunk()
        wide.documents = [VariantKey(unit: 1, position: 0)!.packed]
        wide.marks = [0]
        wide.offsets = [0, 3]
        wide.tokens = [UInt32.max, 268_435_456, 1]
        let lengthsIndexed = wide.indexLengths()
        #expect(lengthsIndexed)
        let wideBlob = wide.encoded()
        #expect(wideBlob.withUnsafeBytes { IndexChunk(encoded: $0, withPostings: false) }?.tokens == wide.tokens)
        // documents, where each length starts, and about a byte or two a token: the lists and
        // 4-byte tokens of format 2 were 4 times as large
        let format2 = chunk.documents.count * 8 + (chunk.offsets.count + chunk.tokens.count + chunk.postingStarts.count + chunk.postings.count) * 4
        #expect(blob.count * 2 < format2)
    }

    /// The inverted lists rebuilt from a chunk's tokens are the ones a plain reading gives: for
    /// each token, every document holding it once, in document order, with how often it occurs
    /// there (15 meaning 15 or more) — over a large vocabulary, repeats past the cap, empty
    /// documents and tokens no document holds.
    @Test func rebuiltListsAreEachTokensDocumentsWithTheirCounts() throws {
        var random = ExactnessTests.Generator(state: 29)
        var chunk = IndexChunk()
        chunk.append((1...3_000).map { unit in
            let length = unit % 11 == 0 ? 0 : random.below(40) + 1
            let tokens = (0..<length).map { _ -> UInt32 in
                switch random.below(10) {
                case 0: return 7  // repeated within documents, past the cap of 15
                case 1...3: return UInt32(random.below(50))
                default: return UInt32(random.below(60_000)) * 2 + 100  // odd ids above 100 are held by none
                }
            }
            return ChunkDocument(key: VariantKey(unit: UnitID(Int64(unit)), position: 0)!, tokens: tokens, punctuation: PunctuationMark(raw: 0))
        } + [ChunkDocument(key: VariantKey(unit: 3_001, position: 0)!, tokens: Array(repeating: 7, count: 40), punctuation: PunctuationMark(raw: 0))])
        var expected: [UInt32: [UInt32]] = [:]
        for document in 0..<chunk.count {
            var counts: [UInt32: Int] = [:]
            let tokens = chunk.tokens[Int(chunk.offsets[document])..<Int(chunk.offsets[document + 1])]
            for token in tokens { counts[token, default: 0] += 1 }
            for token in Set(tokens) { expected[token, default: []].append(Posting(document: document, count: counts[token]!).raw) }
        }
        let bound = Int(chunk.tokens.max()!) + 1
        #expect(chunk.postingStarts.count == bound + 1)
        for token in 0..<bound {
            let list = Array(chunk.postings[chunk.postingRange(of: UInt32(token))])
            #expect(list == (expected[UInt32(token)] ?? []), "token \(token)")
            if list != (expected[UInt32(token)] ?? []) { break }
        }
        #expect(chunk.postings.count == expected.values.reduce(0) { $0 + $1.count })
        #expect(expected[7]!.contains { Posting(raw: $0).shared(with: 40) == 40 })  // a saturated count matches every occurrence
    }

    /// A damaged blob (or one of format 2) is refused, never trusted: no trap, no allocation
    /// sized by a number in it.
    @Test func damagedChunkBlobsAreRefused() throws {
        var chunk = IndexChunk()
        chunk.append([ChunkDocument(key: VariantKey(unit: 5, position: 0)!, tokens: [2, 300, 2], punctuation: PunctuationMark(raw: 1)),
                      ChunkDocument(key: VariantKey(unit: 6, position: 0)!, tokens: [4], punctuation: PunctuationMark(raw: 2))])
        let blob = chunk.encoded()
        func reads(_ bytes: [UInt8], highestToken: UInt32 = .max) -> Bool {
            bytes.withUnsafeBytes { IndexChunk(encoded: $0, highestToken: highestToken) } != nil
        }
        #expect(reads(blob) && reads(blob, highestToken: 300))
        #expect(!reads(blob, highestToken: 299))  // a token the vocabulary does not have
        for cut in [1, 3, 8, blob.count - 1] { #expect(!reads(Array(blob.prefix(cut))), "cut at \(cut)") }
        #expect(!reads(blob + [0]))  // trailing bytes
        // format 2's blob began with its document count
        var format2 = blob
        withUnsafeBytes(of: UInt64(2).littleEndian) { format2.replaceSubrange(0..<8, with: $0) }
        #expect(!reads(format2))
        // a document count far beyond the blob
        var huge = blob
        withUnsafeBytes(of: UInt64(1 << 40).littleEndian) { huge.replaceSubrange(8..<16, with: $0) }
        #expect(!reads(huge))
        // the token bytes, the shorter document first: 4, then 2, 300 in two bytes, 2; the last
        // one made to continue past the end, or the first padded with a needless byte
        let tokensStart = blob.count - 5
        #expect(Array(blob[tokensStart...]) == [4, 2, 0xAC, 0x02, 2])
        var continuing = blob
        continuing[blob.count - 1] = 0x84
        #expect(!reads(continuing))
        var padded = blob
        padded.replaceSubrange(tokensStart..<tokensStart + 1, with: [0x84, 0x00])
        withUnsafeBytes(of: UInt64(6).littleEndian) { padded.replaceSubrange(tokensStart - 8..<tokensStart, with: $0) }
        #expect(!reads(padded))
        // a mark short: one fewer than the documents (the bytes after it shifted by one)
        let marksAt = 8 + 8 + 2 * 8
        var markShort = blob
        withUnsafeBytes(of: UInt64(1).littleEndian) { markShort.replaceSubrange(marksAt..<marksAt + 8, with: $0) }
        markShort.remove(at: marksAt + 8)
        #expect(!reads(markShort))
        // where each length starts, going backwards
        let startsAt = marksAt + 8 + 2 + 8
        var backwards = blob
        backwards[startsAt + 4] = 2  // [0, 0, 1, 1, 2] made [0, 2, 1, 1, 2]
        #expect(!reads(backwards))
        // a start far beyond the count, then one going back (the fuzzer's find: a loop of billions)
        var beyond = blob
        withUnsafeBytes(of: UInt32(0x6A00_0002).littleEndian) { beyond.replaceSubrange(startsAt + 4..<startsAt + 8, with: $0) }
        #expect(!reads(beyond))
        // the fuzz target's seeds are blobs of this format, and its regression still one refused
        for seed in ["empty-documents", "no-documents", "three-documents"] {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Repository.path("Fuzz/corpus/index-chunk/\(seed)"))))
            #expect(ChunkBlobProbe.reads(bytes), "\(seed)")
        }
        let regression = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Repository.path("Fuzz/regressions/index-chunk/timeout-start-beyond-count"))))
        #expect(regression.count > 16 && regression.prefix(8).elementsEqual(withUnsafeBytes(of: IndexChunk.blobTag.littleEndian, Array.init)))
        #expect(!ChunkBlobProbe.reads(regression))
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
