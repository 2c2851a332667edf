/// What one save of the fuzzy index writes for one language: the tokens it has added to the
/// vocabulary, the chunks that changed, and the chunks whose dead documents (tombstones of
/// deleted and edited units) changed. The bytes are the index's own encoding; the store keeps
/// them as they are. Tombstones are kept apart from the chunks, so that a deletion writes a
/// few bytes per chunk, not the chunk.
public struct IndexChanges: Sendable {
    /// One chunk of the language's index. A store encodes chunks one at a time as it writes
    /// them (`encode`), so a save never holds every changed chunk's bytes at once.
    public struct Chunk: Sendable {
        public var number: Int
        public var documents: Int
        public var encode: @Sendable () -> [UInt8]

        public init(number: Int, documents: Int, encode: @escaping @Sendable () -> [UInt8]) {
            self.number = number
            self.documents = documents
            self.encode = encode
        }
    }

    /// The dead documents of one chunk, a bit each (empty: none, and any saved ones are dropped).
    public struct DeadDocuments: Sendable {
        public var chunk: Int
        public var bits: [UInt8]

        public init(chunk: Int, bits: [UInt8]) {
            self.chunk = chunk
            self.bits = bits
        }
    }

    /// The primary language subtag (`en`).
    public var language: String
    /// Tokens new to the vocabulary, with their ids.
    public var newTokens: [(token: String, id: UInt32)]
    public var chunks: [Chunk]
    public var deadDocuments: [DeadDocuments]

    public init(language: String, newTokens: [(token: String, id: UInt32)], chunks: [Chunk], deadDocuments: [DeadDocuments] = []) {
        self.language = language
        self.newTokens = newTokens
        self.chunks = chunks
        self.deadDocuments = deadDocuments
    }
}
