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
    struct Segment: Sendable {
        var keys: [VariantKey] = []
        /// Where each document's tokens start in `tokens`, and where the last one ends.
        var offsets: [UInt32] = [0]
        var tokens: [UInt32] = []

        /// Gives back what the arrays reserved beyond their elements.
        mutating func trim() {
            tokens = tokens.withUnsafeBufferPointer { Array($0) }
            offsets = offsets.withUnsafeBufferPointer { Array($0) }
            keys = keys.withUnsafeBufferPointer { Array($0) }
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

        /// Adds a document; returns about how many bytes it takes.
        @discardableResult
        mutating func add(_ text: String, key: VariantKey) -> Int {
            if segments.isEmpty || segments[segments.count - 1].keys.count >= Self.segmentDocuments {
                trimLastSegment()
                segments.append(Segment())
            }
            var segment = segments[segments.count - 1]
            segments[segments.count - 1] = Segment()  // release the old copy before mutating
            LanguageIndex.forEachToken(in: text, unit: scoringUnit) { word in
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
            segment.offsets.append(UInt32(segment.tokens.count))
            segments[segments.count - 1] = segment
            return MemoryLayout<VariantKey>.stride + MemoryLayout<UInt32>.stride * (tokenCount + 1)
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
        count = languages.values.reduce(0) { total, language in total + language.segments.reduce(0) { $0 + $1.keys.count } }
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
