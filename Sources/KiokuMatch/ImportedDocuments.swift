import KiokuConcurrency
import KiokuMemory
import KiokuText

/// An import's variants tokenized for the fuzzy index while the import ran
/// (``ImportTokenizer``), for ``FuzzyIndex/update(persist:adding:)`` to take instead of
/// reading the units back from the store. Token ids are the import's own, per language;
/// the index gives each token its id when it appends the documents. The index takes the
/// documents out as it appends them (a 10M-unit import's are more than a gigabyte): give
/// them to one index once.
public final class ImportedDocuments: @unchecked Sendable {
    /// Documents in the order they were imported, their tokens as ids of `Language.tokens`.
    /// A full segment is encoded as the index chunk it makes once the next one starts
    /// (``encode()``): a quarter of the bytes, and the chunk's sorting done on the tokenizing
    /// thread while the import runs, not after it.
    struct Segment: Sendable {
        var keys: [VariantKey] = []
        /// Each document's ``PunctuationMark``, raw.
        var marks: [UInt8] = []
        /// Where each document's tokens start in `tokens`, and where the last one ends.
        var offsets: [UInt32] = [0]
        var tokens: [UInt32] = []
        /// The documents as ``IndexChunk/encoded()`` makes them, once encoded (the arrays above
        /// are empty then), and how many they are.
        private(set) var encoded: [UInt8]?
        private var encodedCount = 0

        /// How many documents the segment holds.
        var count: Int { encoded == nil ? keys.count : encodedCount }

        /// About how many bytes the segment takes.
        var bytes: Int {
            encoded?.count ?? keys.count * (MemoryLayout<VariantKey>.stride + 1) + (offsets.count + tokens.count) * MemoryLayout<UInt32>.stride
        }

        /// Gives back what the arrays reserved beyond their elements.
        mutating func trim() {
            tokens = tokens.withUnsafeBufferPointer { Array($0) }
            offsets = offsets.withUnsafeBufferPointer { Array($0) }
            keys = keys.withUnsafeBufferPointer { Array($0) }
            marks = marks.withUnsafeBufferPointer { Array($0) }
        }

        /// Replaces the documents' arrays by the blob of the chunk they make.
        mutating func encode() {
            guard encoded == nil else { return }
            let blob = chunk().encoded()
            encodedCount = keys.count
            keys = []; marks = []; offsets = [0]; tokens = []
            encoded = blob
        }

        /// The blob of the chunk the documents make, ids as they are (the index's own when the
        /// index starts with this import: see ``Language/indexChanges(for:)``).
        func encodedChunk() -> [UInt8] { encoded ?? chunk().encoded() }

        /// The documents in import order, each with its tokens.
        func documents() -> [ChunkDocument] {
            guard encoded != nil else {
                return keys.indices.map {
                    ChunkDocument(key: keys[$0], tokens: Array(tokens[Int(offsets[$0])..<Int(offsets[$0 + 1])]), punctuation: PunctuationMark(raw: marks[$0]))
                }
            }
            let chunk = chunk()
            // A chunk sorts its documents by length; their keys rise in import order.
            return (0..<chunk.count).map { document in
                ChunkDocument(key: chunk.key(of: document), tokens: Array(chunk.tokens[Int(chunk.offsets[document])..<Int(chunk.offsets[document + 1])]),
                              punctuation: chunk.mark(of: document))
            }.sorted { $0.key.packed < $1.key.packed }
        }

        /// The chunk of the documents, without its inverted lists.
        private func chunk() -> IndexChunk {
            if let encoded {
                guard let chunk = encoded.withUnsafeBytes({ IndexChunk(encoded: $0, withPostings: false) })
                else { preconditionFailure("a segment's own blob does not read back") }
                return chunk
            }
            return IndexChunk(keys: keys.map(\.packed), marks: marks, offsets: offsets, tokens: tokens)
        }
    }

    /// One language's documents.
    struct Language: Sendable {
        let scoringUnit: ScoringUnit
        /// The token of each import id (0: none, 1: numbers, as in the index).
        var tokens: [String] = ["", "#"]
        var vocabulary = TokenVocabulary()
        var segments: [Segment] = []

        /// Documents a segment holds before the next one starts (one index chunk's worth).
        static let segmentDocuments = IndexChunk.capacity

        init(language: String) {
            scoringUnit = LanguageTag(language)?.scoringUnit ?? .word
            vocabulary.insert("#", id: LanguageIndex.numberToken)
        }

        /// Gives back what the last segment's arrays reserved beyond their elements.
        mutating func trimLastSegment() {
            guard !segments.isEmpty else { return }
            segments[segments.count - 1].trim()
        }

        /// Adds a document; returns by about how many bytes the documents grew (less than
        /// nothing when a full segment was encoded to make room).
        @discardableResult
        mutating func add(_ text: String, key: VariantKey) -> Int {
            var grown = 0
            if segments.isEmpty || segments[segments.count - 1].keys.count >= Self.segmentDocuments {
                if let last = segments.indices.last {
                    let before = segments[last].bytes
                    segments[last].encode()
                    grown = segments[last].bytes - before
                }
                segments.append(Segment())
            }
            var segment = segments[segments.count - 1]
            segments[segments.count - 1] = Segment()  // release the old copy before mutating
            let punctuation = LanguageIndex.forEachToken(in: text, unit: scoringUnit) { word in
                guard let word else { return segment.tokens.append(LanguageIndex.numberToken) }
                if let id = vocabulary.id(utf8: word) { return segment.tokens.append(id) }
                let id = UInt32(tokens.count)
                let token = String(decoding: word, as: UTF8.self)
                tokens.append(token)
                vocabulary.insert(token, id: id)
                segment.tokens.append(id)
            }
            let tokenCount = segment.tokens.count - Int(segment.offsets[segment.offsets.count - 1])
            segment.keys.append(key)
            segment.marks.append(punctuation.raw)
            segment.offsets.append(UInt32(segment.tokens.count))
            segments[segments.count - 1] = segment
            return grown + MemoryLayout<VariantKey>.stride + 1 + MemoryLayout<UInt32>.stride * (tokenCount + 1)
        }

        /// The documents as a save of a new, empty index writes them: the import numbers tokens
        /// from 2 in the order they first occur, as an empty index does when it appends the same
        /// documents in the same order, and each segment holds one chunk's worth. So the tokens
        /// and chunks are the ones that index would build, byte for byte.
        func indexChanges(for language: String) -> IndexChanges {
            let newTokens = (Int(LanguageIndex.numberToken) + 1..<tokens.count).map { (token: tokens[$0], id: UInt32($0)) }
            let chunks = segments.enumerated().map { number, segment in
                IndexChanges.Chunk(number: number, documents: segment.count) { segment.encodedChunk() }
            }
            return IndexChanges(language: language, newTokens: newTokens, chunks: chunks,
                                deadDocuments: segments.indices.map { IndexChanges.DeadDocuments(chunk: $0, bits: []) })
        }
    }

    /// The units the documents belong to: every unit the import stored as new, and no other.
    public let units: ClosedRange<UnitID>?
    /// The change log's last entry before the import began: a later change may concern an
    /// imported unit, whose documents here are its texts as imported.
    public let changesBefore: Int64
    /// How many documents there are.
    public let count: Int
    private let languages: Locked<[String: Language]>

    init(units: ClosedRange<UnitID>?, changesBefore: Int64, languages: [String: Language]) {
        self.units = units
        self.changesBefore = changesBefore
        count = languages.values.reduce(0) { total, language in total + language.segments.reduce(0) { $0 + $1.count } }
        self.languages = Locked(languages)
    }

    /// The documents of each language, handed over once (later calls get none).
    func take() -> [String: Language] {
        languages.withLock { languages in
            defer { languages = [:] }
            return languages
        }
    }
}
