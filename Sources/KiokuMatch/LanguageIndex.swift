import KiokuMemory
import KiokuText

/// The fuzzy index of one language (primary subtag: `en` holds en-US and en-GB):
/// its token vocabulary and its chunks, all in memory while the TM is in use. Owned by an
/// ``IndexUpdater`` and changed under its lock only; lookups search immutable
/// ``LanguageSnapshot``s of it.
final class LanguageIndex {
    let language: String
    let scoringUnit: ScoringUnit
    private(set) var vocabulary: TokenVocabulary
    private(set) var nextTokenID: UInt32
    private(set) var chunks: [IndexChunk]
    /// How many documents contain each token id, over all chunks.
    private(set) var documentFrequency: [UInt32] = []
    /// Tokens added since the last save, the chunks that changed, and the chunks whose dead
    /// documents only changed (their tombstones are saved, not the chunk).
    private(set) var newTokens: [(String, UInt32)] = []
    private(set) var dirtyChunks: Set<Int> = []
    private(set) var deadChanged: Set<Int> = []

    static let unknownToken: UInt32 = 0
    static let numberToken: UInt32 = 1

    init(language: String, vocabulary: TokenVocabulary, chunks: [IndexChunk]) {
        self.language = language
        self.scoringUnit = LanguageTag(language)?.scoringUnit ?? .word
        self.vocabulary = vocabulary
        self.nextTokenID = max(2, vocabulary.highestID + 1)
        self.chunks = chunks
        recountFrequencies()
    }

    var documentCount: Int { chunks.reduce(0) { $0 + $1.liveCount } }

    /// A chunk is compacted when this share of its documents or more is dead.
    static let compactionShare = 4  // one in four

    /// Marks every document of `units` dead (``IndexChunk/kill(units:range:)``) and compacts
    /// the chunks where the dead pile up. Returns whether anything changed.
    func remove(units: Set<UnitID>) -> Bool {
        guard let low = units.min(), let high = units.max() else { return false }
        var changed = false
        for number in chunks.indices {
            var chunk = chunks[number]
            chunks[number] = IndexChunk()  // release the old copy before mutating
            if chunk.kill(units: units, range: low...high) > 0 {
                if chunk.deadCount * Self.compactionShare >= chunk.count {
                    chunk = chunk.compacted()
                    dirtyChunks.insert(number)
                } else {
                    deadChanged.insert(number)
                }
                changed = true
            }
            chunks[number] = chunk
        }
        if changed { recountFrequencies() }
        return changed
    }

    /// Adds documents at the end of the index. Their tokens are ids already looked up in
    /// ``vocabulary`` (by the tokenizing workers), with 0 where a key is new: those get ids here.
    func append(_ documents: [TokenizedDocument]) {
        guard !documents.isEmpty else { return }
        var converted: [ChunkDocument] = []
        converted.reserveCapacity(documents.count)
        for document in documents {
            var ids = document.ids
            if !document.newKeys.isEmpty {
                var next = 0
                for position in ids.indices where ids[position] == Self.unknownToken {
                    ids[position] = assignID(document.newKeys[next])
                    next += 1
                }
            }
            converted.append(ChunkDocument(key: document.key, tokens: ids, punctuation: document.punctuation))
        }
        append(converted: converted)
    }

    /// Appends documents tokenized apart, with ids of a vocabulary of their own (an import's,
    /// see ``ImportTokenizer``): each of their tokens gets this index's id, new ones in the order
    /// they first occur — what ``append(_:)`` gives the same documents, id for id (the import
    /// numbered its tokens in that order). Takes the segments' memory as it goes.
    func append(staged: inout ImportedDocuments.Language) {
        var ids = [UInt32](repeating: Self.unknownToken, count: staged.tokens.count)
        if ids.count > Int(Self.numberToken) { ids[Int(Self.numberToken)] = Self.numberToken }
        for local in ids.indices.dropFirst(Int(Self.numberToken) + 1) { ids[local] = assignID(staged.tokens[local]) }
        for number in staged.segments.indices {
            let segment = staged.segments[number]
            staged.segments[number] = ImportedDocuments.Segment()
            var documents = segment.documents()
            for document in documents.indices {
                for position in documents[document].tokens.indices {
                    documents[document].tokens[position] = ids[Int(documents[document].tokens[position])]
                }
            }
            append(converted: documents)
        }
        staged.segments.removeAll()
    }

    /// Appends documents whose tokens are this index's ids.
    private func append(converted: [ChunkDocument]) {
        guard !converted.isEmpty else { return }
        // Only the last chunk and new ones change: their counts are taken out and put back,
        // instead of recounting every chunk (at 1M, every batch of an import recounted all 16).
        let firstChanged = chunks.isEmpty || chunks[chunks.count - 1].isFull ? chunks.count : chunks.count - 1
        for number in firstChanged..<chunks.count { count(chunks[number], adding: false) }
        var start = 0
        while start < converted.count {
            if chunks.isEmpty || chunks[chunks.count - 1].isFull { chunks.append(IndexChunk()) }
            let last = chunks.count - 1
            let room = IndexChunk.capacity - chunks[last].count
            let slice = Array(converted[start..<min(converted.count, start + room)])
            var chunk = chunks[last]
            chunks[last] = IndexChunk()  // release the old copy before mutating
            chunk.append(slice)
            chunks[last] = chunk
            dirtyChunks.insert(last)
            start += slice.count
        }
        for number in firstChanged..<chunks.count {
            count(chunks[number], adding: true)
            longestDocument = max(longestDocument, chunks[number].longestDocument)
        }
    }

    /// Adds (or takes out) a chunk's lists to ``documentFrequency`` and grows it for new tokens.
    private func count(_ chunk: IndexChunk, adding: Bool) {
        let bound = Int(nextTokenID) + 1
        if documentFrequency.count < bound { documentFrequency.append(contentsOf: repeatElement(0, count: bound - documentFrequency.count)) }
        let starts = chunk.postingStarts
        documentFrequency.withUnsafeMutableBufferPointer { frequency in
            for token in 0..<min(starts.count - 1, frequency.count) {
                let documents = starts[token + 1] - starts[token]
                if adding { frequency[token] &+= documents } else { frequency[token] &-= documents }
            }
        }
    }

    private func assignID(_ key: String) -> UInt32 {
        if key == "#" { return Self.numberToken }
        if let id = vocabulary[key] { return id }
        let id = nextTokenID
        nextTokenID += 1
        vocabulary.insert(key, id: id)
        newTokens.append((key, id))
        return id
    }

    /// Tokenizes one text into ids known so far; safe to call from several threads
    /// while no `append` runs. The ids of ``MatchForm/classKeys``, read straight from the
    /// scanner's pieces (no string per word unless it is new): indexing does this for
    /// every variant imported.
    func tokenize(_ text: String, key: VariantKey) -> TokenizedDocument {
        var ids: [UInt32] = []
        var newKeys: [String] = []
        let vocabulary = self.vocabulary  // held once, not retained per word
        let punctuation = Self.forEachToken(in: text, unit: scoringUnit, reserving: { ids.reserveCapacity($0) }) { word in
            guard let word else { return ids.append(Self.numberToken) }
            if let id = vocabulary.id(utf8: word) {
                ids.append(id)
            } else {
                newKeys.append(String(decoding: word, as: UTF8.self))
                ids.append(Self.unknownToken)
            }
        }
        return TokenizedDocument(key: key, ids: ids, newKeys: newKeys, punctuation: punctuation)
    }

    /// The index's tokens of a text in order: a word's (or character's) bytes in its matching
    /// form, or nil for a number or placeholder (all one token); punctuation is left out of the
    /// tokens, and its mark returned. The one definition of what the index holds, for
    /// ``tokenize(_:key:)`` and ``ImportTokenizer``. `reserving` is told the normalized text's length first.
    @discardableResult
    static func forEachToken(in text: String, unit: ScoringUnit, reserving: (Int) -> Void = { _ in },
                             _ body: (UnsafeBufferPointer<UInt8>?) -> Void) -> PunctuationMark {
        var punctuation = PunctuationMark.Hasher()
        MatchNormalizer().withNormalizedUTF8(text) { bytes in
            reserving(bytes.count / 4)
            TextScanner.scan(utf8: bytes, unit: unit) { piece in
                switch piece.kind {
                case .punctuation: punctuation.add(UnsafeBufferPointer(rebasing: bytes[piece.bytes]))
                case .number, .placeholder: body(nil)
                case .word, .character: body(UnsafeBufferPointer(rebasing: bytes[piece.bytes]))
                }
            }
        }
        return punctuation.mark
    }

    func markSaved() {
        newTokens.removeAll()
        dirtyChunks.removeAll()
        deadChanged.removeAll()
    }

    /// The most tokens any document has (sizes the search's buffers).
    private(set) var longestDocument = 0

    private func recountFrequencies() {
        longestDocument = chunks.map(\.longestDocument).max() ?? 0
        documentFrequency = []
        for chunk in chunks { count(chunk, adding: true) }
    }

    /// An immutable view for searching while later imports go on (arrays are copy-on-write).
    func snapshot() -> LanguageSnapshot {
        LanguageSnapshot(vocabulary: vocabulary, nextTokenID: nextTokenID, chunks: chunks, documentFrequency: documentFrequency,
                         longestDocument: longestDocument)
    }
}
