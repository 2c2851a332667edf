import KiokuFormats
import KiokuText

/// Where a translation memory's units live, behind typed reads and writes: the one contract
/// between the TM and everything built on it (the fuzzy index, glossary checks, the server).
/// No other module sees a table or a column.
///
/// ``TranslationMemory`` is the SQLite store, the embedded default. A store for a shared
/// database implements the same protocol. The calls are synchronous: the engines run on
/// plain threads, and a networked store blocks the calling thread (so a server calls a
/// store from its write queue or from work it may block, never from an event loop).
///
/// Units are added, deleted and edited; every deletion and edit adds an entry to the store's
/// change log. An index follows the store by ``StoreRevision``: batches of whole units after
/// the last it read, then the units the change log names. Every read by id answers nil for a
/// unit that is gone.
public protocol MemoryStore: AnyObject, Sendable {
    /// Where the store is, for messages: a file path, or a database address without credentials.
    var location: String { get }

    // MARK: Writing

    /// Runs `body` in one write transaction: everything it writes lands, or nothing does.
    /// An error thrown by `body` rolls back and is rethrown as a ``MemoryError``.
    func write<T>(_ body: (any MemoryWriter) throws -> T) throws(MemoryError) -> T
    /// Whether the store was opened for reading only: every write throws
    /// ``MemoryError/readOnly(path:)``, and derived data (the fuzzy index) is kept in memory.
    var isReadOnly: Bool { get }
    /// How many write transactions this object has committed: derived data (the fuzzy index)
    /// compares it to see this process's writes without asking the store.
    var localWriteCount: Int { get }
    /// Makes what is written self-contained on disk (SQLite: checkpoints the write-ahead log).
    func checkpoint() throws(MemoryError)
    /// Runs `body`, a bulk load (`kioku import`), while this process expects to be the store's
    /// only user; its writes are still whole transactions. A SQLite TM that holds no units yet
    /// is then written through SQLite's rollback journal instead of the write-ahead log when no
    /// other connection has the file open, so that each new page is written once, not twice
    /// (log, then file); a program that tries to open it meanwhile is told it is busy. A store
    /// without such a mode (PostgreSQL) just runs `body`.
    func withSoleAccess<T>(_ body: () throws(MemoryError) -> T) throws(MemoryError) -> T
    /// What the store's own consistency check finds wrong (SQLite: `PRAGMA integrity_check`,
    /// every page read); empty when nothing is.
    func integrityProblems() throws(MemoryError) -> [String]

    // MARK: Units

    func unitCount() throws(MemoryError) -> Int
    /// One unit, or nil when there is none with that id.
    func unit(_ id: UnitID) throws(MemoryError) -> StoredUnit?
    /// Calls `body` with each unit in id order (within `ids` when given), streaming. With
    /// `languages`, a unit keeps only variants in them (`ru` covers `ru-RU`) and units left
    /// with fewer than two are passed over.
    func forEachUnit(ids: ClosedRange<UnitID>?, languages: [LanguageTag]?, _ body: (StoredUnit) throws -> Void) throws(MemoryError)
    /// Counts by language, language pair and origin, and the size on disk.
    func statistics() throws(MemoryError) -> MemoryStatistics
    /// The size on disk alone (``MemoryStatistics/fileBytes``), without counting anything.
    func storedBytes() throws(MemoryError) -> Int64
    /// The language most units have as their source (a TMX header's `srclang`).
    func dominantSourceLanguage() throws(MemoryError) -> LanguageTag?
    /// Which of `ids` are units of the store, each once, in id order (one read, however many).
    func existingUnits(_ ids: [UnitID]) throws(MemoryError) -> [UnitID]
    /// The units imported from `origin` (the path as the import recorded it), in id order.
    func units(fromOrigin origin: String) throws(MemoryError) -> [UnitID]
    /// What edits replaced in a unit's variants, oldest first.
    func history(of unit: UnitID) throws(MemoryError) -> [VariantRevision]
    /// Every unit's history, in the order the edits were made (what a copy carries over).
    func forEachRevision(_ body: (VariantRevision) throws -> Void) throws(MemoryError)

    // MARK: What the fuzzy index reads

    /// The newest unit and how far the saved index data reaches.
    func revision() throws(MemoryError) -> StoreRevision
    /// Whether any unit or variant records a creation or change date (when none does, ties fall to id order).
    func unitsHaveDates() throws(MemoryError) -> Bool
    /// The variants of the units after `after` up to `through`, whole units only, about
    /// `limit` variants at most (more when one unit alone has more).
    func indexableVariants(after: UnitID, through: UnitID, limit: Int) throws(MemoryError) -> IndexableBatch
    /// The units the change log names after entry `after` up to `through`, each once, in id
    /// order (deleted ones included: the index drops what it holds of them).
    func changedUnits(after: Int64, through: Int64) throws(MemoryError) -> [UnitID]
    /// The variants of the given units that still exist, whole units, in id order.
    func indexableVariants(of units: [UnitID]) throws(MemoryError) -> [IndexableVariant]
    /// Every variant whose primary language is `language` (the exhaustive scan that checks the index).
    func forEachVariant(language: String, _ body: (IndexableVariant) throws -> Void) throws(MemoryError)
    /// Runs `body` with a reader for ranking, on one consistent view of the store.
    func withRankingReader<T>(_ body: (any RankingReader) throws -> T) throws(MemoryError) -> T

    // MARK: The fuzzy index's own data

    /// The format the saved index data was written in (0 when none is recorded).
    func indexFormat() throws(MemoryError) -> Int
    /// Drops every saved index token and chunk, moves the watermark back to ``UnitID/none`` and
    /// records `format` — unless `format` is already the one recorded. An index whose tokens
    /// are made differently than before starts over this way, and is rebuilt from the units.
    func resetIndex(to format: Int) throws(MemoryError)
    /// The languages (primary subtags) the saved index covers.
    func indexedLanguages() throws(MemoryError) -> [String]
    /// Reads a language's saved index, in one consistent view: each vocabulary entry, then
    /// each chunk's bytes in order with its dead documents' bits when it has any. The bytes
    /// are valid only during the call.
    func loadIndex(language: String, vocabulary: (String, UInt32) -> Void,
                   chunk: (_ bytes: UnsafeRawBufferPointer, _ dead: UnsafeRawBufferPointer?) throws -> Void) throws(MemoryError)
    /// Saves index changes and moves the index's watermark from `base` to `through` (its save
    /// count one above `base`'s), in one transaction — unless the saved watermark is no longer
    /// `base` (another process saved first): then nothing is written and the answer is false.
    /// With `replacingAll`, every saved token and chunk is dropped first (a compacted index).
    func saveIndex(_ changes: [IndexChanges], replacing base: IndexWatermark, through: IndexWatermark,
                   replacingAll: Bool) throws(MemoryError) -> Bool
    /// Gives the space deleted data took back to the file system (SQLite: `VACUUM`).
    func reclaimSpace() throws(MemoryError)
    /// Whether several processes may keep an index of this store at once and take turns saving
    /// it (a shared database): then only the process that ``claimsIndexSaving()`` saves index
    /// data, and the others follow the units in memory instead of reloading each save.
    var sharesIndexSaving: Bool { get }
    /// Whether this process is the one that saves the index data now (claimed, and kept while
    /// the process lives); always true for a store that does not share saving.
    func claimsIndexSaving() throws(MemoryError) -> Bool

    // MARK: The stored glossary

    /// The glossary records, in the order they were first saved.
    func glossaryRecords() throws(MemoryError) -> [GlossaryRecord]
}

extension MemoryStore {
    public var isReadOnly: Bool { false }
    public func withSoleAccess<T>(_ body: () throws(MemoryError) -> T) throws(MemoryError) -> T { try body() }
    /// A file has one index writer at a time anyway (its write lock): no sharing to arrange.
    public var sharesIndexSaving: Bool { false }
    public func claimsIndexSaving() throws(MemoryError) -> Bool { true }

    /// Every unit in id order, streaming.
    public func forEachUnit(languages: [LanguageTag]? = nil, _ body: (StoredUnit) throws -> Void) throws(MemoryError) {
        try forEachUnit(ids: nil, languages: languages, body)
    }

    /// Adds glossary records, replacing those with the same id, in one transaction; returns how many were new.
    public func saveGlossaryRecords(_ records: [GlossaryRecord]) throws(MemoryError) -> Int {
        try write { writer in
            var added = 0
            for record in records where try writer.saveGlossaryRecord(record) { added += 1 }
            return added
        }
    }

    /// All units, for small TMs and tests.
    public func allUnits(languages: [LanguageTag]? = nil) throws(MemoryError) -> [StoredUnit] {
        var units: [StoredUnit] = []
        try forEachUnit(ids: nil, languages: languages) { units.append($0) }
        return units
    }
}
