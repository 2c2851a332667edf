import Foundation
import GRDB
import GRDBSQLite
import KiokuMemory
import KiokuText

/// The persistent fuzzy-match index of a TM: per language, the matching-form tokens of
/// every variant, with inverted lists for candidate search.
///
/// It lives in the TM file and follows the TM incrementally: `update()` indexes the
/// units added since the last update (by any program), appending to the last chunk —
/// never a rebuild. Lookups call it first (unless `lookupsUpdate` is off), so results cover the
/// whole TM; lookups never wait while an update runs.
/// Languages load lazily, on their first lookup. Safe to share between threads.
public final class FuzzyIndex: @unchecked Sendable {
    public let memory: TranslationMemory

    // The updater's side: one update at a time, on indexes no lookup touches.
    private let updateLock = NSLock()
    private var languages: [String: LanguageIndex] = [:]
    /// The in-memory index covers every unit up to this id…
    private var indexedThrough: Int64 = 0
    /// …and the TM file's copy up to this one (as far as this process knows).
    private var savedThrough: Int64 = 0
    /// Languages with tokens or chunks not yet written to the TM file.
    private var unsavedLanguages: Set<String> = []
    private var latestSeen: Int64 = -1

    // The lookups' side: published snapshots and freshness, held only for a moment, so a
    // lookup never waits while an update tokenizes, appends or saves.
    private let stateLock = NSLock()
    private var published: [String: LanguageSnapshot] = [:]
    private var lastWriteCount = -1
    private var lastCheck = Date.distantPast
    /// Whether any unit records a creation or change date; when none does, ties between
    /// equal matches fall to import order, which the index knows without reading the TM.
    private var unitsHaveDates = true

    /// How long a lookup trusts the index without asking the TM file whether another
    /// program added units. Writes through the same `TranslationMemory` are seen at once.
    public static let crossProcessCheckInterval: TimeInterval = 0.25

    /// What an update did.
    public struct UpdateReport: Sendable, Codable {
        public var documentsAdded = 0
        public var seconds = 0.0
    }

    /// Whether a lookup that finds the index behind the TM brings it up to date itself (the
    /// default, right for a program that looks up and imports in turn). A server sets this
    /// to false and calls `update()` after its writes and now and then: its lookups then
    /// search what is published and never do a writer's work.
    public let lookupsUpdate: Bool
    /// Whether an update tokenizes and appends on every core (the default: an import wants
    /// it done fast) or only on the calling thread (a server: its lookups keep the cores).
    public let parallelUpdates: Bool

    public init(memory: TranslationMemory, lookupsUpdate: Bool = true, parallelUpdates: Bool = true) throws(MemoryError) {
        self.memory = memory
        self.lookupsUpdate = lookupsUpdate
        self.parallelUpdates = parallelUpdates
        try memory.migrate(IndexSchema.migrator())
        indexedThrough = try memory.read { db in try Self.storedWatermark(db) }
        savedThrough = indexedThrough
    }

    private static func storedWatermark(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT value FROM fuzzy_state WHERE key = 'indexed_through'") ?? 0
    }

    /// Indexes every unit added since the last update. Cheap when there is nothing new.
    /// Lookups running meanwhile search the index as it was; they see the new units the
    /// moment this returns.
    ///
    /// With `persist: false` the new index data stays in memory (a server writing small
    /// batches saves it now and then with `persist()`, not after every batch). The units
    /// themselves are in the TM either way: index data lost with the process is rebuilt from
    /// them by the next update.
    @discardableResult
    public func update(persist: Bool = true) throws(MemoryError) -> UpdateReport {
        updateLock.lock()
        defer { updateLock.unlock() }
        return try updateHoldingLock(persist: persist)
    }

    /// Writes index data kept in memory by `update(persist: false)` to the TM file.
    public func persist() throws(MemoryError) {
        try update(persist: true)
    }

    private func updateHoldingLock(persist: Bool = true) throws(MemoryError) -> UpdateReport {
        let start = Date()
        var report = UpdateReport()
        var writeCount = memory.writeCount  // taken before reading, so a concurrent import is noticed next time
        let (previousWriteCount, hadDates) = stateLock.withLock { (lastWriteCount, unitsHaveDates) }
        var datesNow: Bool?
        var touched: Set<String> = []
        defer {
            // Publish what changed, and when the index was last known to be current.
            let snapshots = touched.compactMap { language in languages[language].map { (language, $0.snapshot()) } }
            stateLock.lock()
            for (language, snapshot) in snapshots { published[language] = snapshot }
            if let datesNow { unitsHaveDates = datesNow }
            lastWriteCount = writeCount
            lastCheck = Date()
            stateLock.unlock()
        }
        for _ in 0..<3 {
            let (latest, stored) = try memory.read { db in
                (try Int64.fetchOne(db, sql: "SELECT max(id) FROM unit") ?? 0, try Self.storedWatermark(db))
            }
            if latest != latestSeen || writeCount != previousWriteCount {
                // Something was written (an import may also raise a stored unit's change date).
                // Once a unit has a date the answer cannot go back, so the scan runs only while none has.
                if latestSeen < 0 || !(datesNow ?? hadDates) {
                    datesNow = try memory.read { db in
                        try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM unit WHERE changed_at IS NOT NULL OR created_at IS NOT NULL)") ?? true
                    }
                }
                latestSeen = latest
            }
            if stored != savedThrough {
                // Another program (or connection) saved index data: reload what is in memory.
                // Lookups go on searching the old snapshots until the new ones are published.
                let loaded = Array(languages.keys)
                languages.removeAll()
                indexedThrough = stored
                savedThrough = stored
                unsavedLanguages.removeAll()
                report.documentsAdded = 0
                for language in loaded where try loadedLanguage(language) != nil { touched.insert(language) }
            }
            if latest > indexedThrough {
                var changed: Set<String> = []
                var cursor = indexedThrough
                while cursor < latest {
                    let batch = try memory.read { db in
                        try Row.fetchAll(db, sql: """
                            SELECT unit_id, position, lang, text FROM variant
                            WHERE unit_id > ? AND unit_id <= ? ORDER BY unit_id, position LIMIT 65536
                            """, arguments: [cursor, latest])
                    }
                    guard let lastRow = batch.last else { break }
                    var rows = batch[...]
                    var through: Int64 = lastRow[0]
                    if batch.count == 65536, let first = batch.first, (first[0] as Int64) != through {
                        // never split a unit across batches: its remaining variants come next time
                        rows = batch.prefix { ($0[0] as Int64) != through }
                        through -= 1
                    }
                    try index(Array(rows), touched: &changed)
                    report.documentsAdded += rows.count
                    cursor = through
                }
                indexedThrough = latest
                touched.formUnion(changed)
                unsavedLanguages.formUnion(changed)
            }
            guard persist, savedThrough != indexedThrough || !unsavedLanguages.isEmpty else { break }
            writeCount += 1  // our own save
            if try save(unsavedLanguages, from: savedThrough, through: indexedThrough) {
                savedThrough = indexedThrough
                unsavedLanguages.removeAll()
                break
            }
            // Another program saved index data meanwhile (its token ids may differ from ours):
            // forget this work, reload what it saved and index the rest on top.
            savedThrough = -1
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// Tokenizes a batch of variant rows (on both cores with `parallelUpdates`) and appends them per language.
    private func index(_ rows: [Row], touched: inout Set<String>) throws(MemoryError) {
        var tags: [String: LanguageTag?] = [:]
        var byLanguage: [String: [(key: Int64, text: String)]] = [:]
        for row in rows {
            let identifier: String = row[2]
            let cached = tags[identifier] ?? { let tag = LanguageTag(identifier); tags[identifier] = tag; return tag }()
            guard let tag = cached else { continue }
            let unit: Int64 = row[0], position: Int64 = row[1]
            byLanguage[tag.language, default: []].append((unit << 8 | position, row[3]))
        }
        let groups = try byLanguage.sorted { $0.key < $1.key }.map { entry throws(MemoryError) in
            (index: try loadedLanguage(entry.key, create: true)!, texts: entry.value)
        }
        // Tokenize every language's texts on both cores, unless told not to (vocabularies are only read here)…
        let starts = groups.reduce(into: [0]) { $0.append($0.last! + $1.texts.count) }
        var documents = [TokenizedDocument?](repeating: nil, count: starts.last!)
        documents.withUnsafeMutableBufferPointer { output in
            let shared = UnsafeSendable((output, groups, starts))
            let workers = parallelUpdates ? 2 : 1
            let work: @Sendable (Int) -> Void = { worker in
                let (output, groups, starts) = shared.value
                var position = worker
                var group = 0
                while position < output.count {
                    while position >= starts[group + 1] { group += 1 }
                    let text = groups[group].texts[position - starts[group]]
                    output[position] = groups[group].index.tokenize(text.text, key: text.key)
                    position += workers
                }
            }
            if workers > 1 { DispatchQueue.concurrentPerform(iterations: workers, execute: work) } else { work(0) }
        }
        // …then append each language on a core of its own (an EN–RU TM builds both at once).
        let shared = UnsafeSendable((groups, starts, documents))
        let append: @Sendable (Int) -> Void = { group in
            let (groups, starts, documents) = shared.value
            groups[group].index.append(documents[starts[group]..<starts[group + 1]].map { $0! })
        }
        if parallelUpdates {
            DispatchQueue.concurrentPerform(iterations: groups.count, execute: append)
        } else {
            (0..<groups.count).forEach(append)
        }
        touched.formUnion(groups.map(\.index.language))
    }

    /// Writes the new tokens and changed chunks; false (and nothing written) when the stored
    /// index is no longer the one this update started from.
    private func save(_ touched: Set<String>, from base: Int64, through watermark: Int64) throws(MemoryError) -> Bool {
        let saved = try memory.write { db -> Bool in
            guard try Self.storedWatermark(db) == base else { return false }
            for language in touched {
                guard let index = languages[language] else { continue }
                let insertToken = try db.makeStatement(sql: "INSERT INTO fuzzy_token(lang, token, id) VALUES (?, ?, ?)")
                for (token, id) in index.newTokens {
                    try insertToken.execute(arguments: [language, token, Int64(id)])
                }
                if let first = index.firstDirtyChunk {
                    for number in first..<index.chunks.count {
                        let chunk = index.chunks[number]
                        try db.execute(sql: """
                            INSERT INTO fuzzy_chunk(lang, chunk, documents, data) VALUES (?, ?, ?, ?)
                            ON CONFLICT(lang, chunk) DO UPDATE SET documents = excluded.documents, data = excluded.data
                            """, arguments: [language, number, chunk.count, Data(chunk.encoded())])
                    }
                }
            }
            try db.execute(sql: "UPDATE fuzzy_state SET value = ? WHERE key = 'indexed_through'", arguments: [watermark])
            return true
        }
        if saved { for language in touched { languages[language]?.markSaved() } }
        return saved
    }

    /// The index of a language, loading it on first use; nil when the TM has none.
    /// Only with `updateLock` held.
    private func loadedLanguage(_ language: String, create: Bool = false) throws(MemoryError) -> LanguageIndex? {
        if let index = languages[language] { return index }
        let (vocabulary, chunks) = try memory.read { db -> ([ByteKey: UInt32], [IndexChunk]) in
            var vocabulary: [ByteKey: UInt32] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT token, id FROM fuzzy_token WHERE lang = ?", arguments: [language])
            while let row = try rows.next() { vocabulary[ByteKey(row[0])] = UInt32(row[1] as Int64) }
            var chunks: [IndexChunk] = []
            let statement = try db.makeStatement(sql: "SELECT data FROM fuzzy_chunk WHERE lang = ? ORDER BY chunk")
            try statement.setArguments([language])
            let s = statement.sqliteStatement
            while sqlite3_step(s) == SQLITE_ROW {
                let bytes = UnsafeRawBufferPointer(start: sqlite3_column_blob(s, 0), count: Int(sqlite3_column_bytes(s, 0)))
                guard let chunk = IndexChunk(encoded: bytes) else {
                    throw MemoryError.invalidRequest("the fuzzy index of \(language) in \(memory.path) is damaged; delete its fuzzy_* tables to rebuild it")
                }
                chunks.append(chunk)
            }
            sqlite3_reset(s)
            return (vocabulary, chunks)
        }
        if chunks.isEmpty && !create { return nil }
        let index = LanguageIndex(language: language, vocabulary: vocabulary, chunks: chunks)
        languages[language] = index
        return index
    }

    /// Loads every language the index holds now, instead of on each one's first lookup
    /// (a server does this before it takes requests).
    public func load() throws(MemoryError) {
        let stored = try memory.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT lang FROM fuzzy_chunk") }
        for language in stored { _ = try prepare(language) }
    }

    /// Brings the index up to date and returns a snapshot of the language's index for a lookup,
    /// and whether units carry dates (see `unitsHaveDates`). While another thread is updating,
    /// a language already loaded is searched as published rather than waited for.
    func prepare(_ language: String) throws(MemoryError) -> (LanguageSnapshot, datesMatter: Bool)? {
        stateLock.lock()
        let stale = memory.writeCount != lastWriteCount || Date().timeIntervalSince(lastCheck) > Self.crossProcessCheckInterval
        let current = published[language].map { ($0, unitsHaveDates) }
        stateLock.unlock()
        if let current, !stale || !lookupsUpdate { return current }
        if let current {
            guard updateLock.try() else { return current }
        } else {
            updateLock.lock()
        }
        defer { updateLock.unlock() }
        if stale && lookupsUpdate { _ = try updateHoldingLock() }
        guard let index = try loadedLanguage(language) else { return nil }
        stateLock.lock()
        defer { stateLock.unlock() }
        let snapshot = published[language] ?? index.snapshot()
        published[language] = snapshot
        return (snapshot, unitsHaveDates)
    }
}

/// Lets the tokenizing workers write disjoint slots of one buffer.
struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
