import Foundation
import GRDB
import KiokuConcurrency
import KiokuFormats
import KiokuText

/// The SQLite translation memory, Kioku's embedded ``MemoryStore``: one file holding
/// translation units in any number of languages, the fuzzy index's data and a glossary.
/// Opening a path that does not exist creates an empty TM (unless `create` is false).
///
/// Reads run concurrently with a write (WAL mode, a pool of reader connections); writes
/// are serialized, and a second writer — another process too — waits up to 30 s for the
/// first. Every ``write(_:)`` is one transaction: it lands whole or not at all.
///
/// A TM the user may not write (the file, or the folder SQLite keeps its `-wal` and `-shm`
/// files in) opens read-only: lookups, exports and checks work, the fuzzy index catches up in
/// memory only, and every write is refused with ``MemoryError/readOnly(path:)``.
public final class TranslationMemory: MemoryStore, Sendable {
    public let path: String
    public var location: String { path }
    /// Whether this TM was opened read-only (see above).
    public let isReadOnly: Bool
    /// Whether the file has the change log (a read-only TM of an older version has none:
    /// nothing in it was deleted or edited).
    let hasChangeLog: Bool
    let database: DatabasePool
    /// What SQLite opens, for GRDB's pool and for the lookup connections (``SQLiteLookupConnection``):
    /// the path, or the URI of a TM in a folder that cannot be written.
    let sqlitePath: (path: String, isURI: Bool)
    /// Lookup connections not in use.
    let lookupConnections = Locked<[SQLiteLookupConnection]>([])
    private let writes = Locked(0)

    public var localWriteCount: Int { writes.withLock { $0 } }

    /// Opens (or, with `create: true`, creates) the TM at `path`, bringing its schema up to date.
    public init(path: String, create: Bool = true) throws(MemoryError) {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create { throw .missing(path: path) }
        let folder = (path as NSString).deletingLastPathComponent
        if !exists, !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            throw .cannotOpen(path: path, reason: "its folder \(folder) does not exist")
        }
        var configuration = Configuration()
        let access = exists ? FileAccess(path: path) : .writable
        isReadOnly = access != .writable
        configuration.readonly = isReadOnly
        configuration.label = "kioku"
        configuration.foreignKeysEnabled = false
        // A TM may be written by a server and a `kioku import` at once: the second writer
        // waits for the first instead of failing with "database is locked".
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -\(SQLiteWriter.usualCacheKiB); PRAGMA mmap_size = \(Self.mappedBytes)")
        }
        sqlitePath = access == .readOnlyFolder ? (Self.immutableURI(path), true) : (path, false)
        if exists, access == .writable, SoleAccessProbe.isFilledByAnotherProgram(path: path) { throw .filling(path: path) }
        do {
            database = try DatabasePool(path: sqlitePath.path, configuration: configuration)
            if exists {
                let isKioku = try database.read { db in
                    let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                    return tables.isEmpty || tables.contains(InfoTable.name)
                }
                guard isKioku else { throw MemoryError.notAMemory(path: path, isSQLite: true) }
            }
            let migrator = SQLiteMigrations.migrator()
            if exists, try database.read({ db in try migrator.hasBeenSuperseded(db) }) { throw MemoryError.newerFormat(path: path) }
            let applied = exists ? try database.read { db in try migrator.appliedIdentifiers(db) } : []
            let pending = migrator.migrations.filter { !applied.contains($0) }
            if !pending.isEmpty {
                // Read-only, a TM that lacks only the change log is read as it is.
                if isReadOnly, pending != [SQLiteMigrations.changeLogMigration] { throw MemoryError.readOnly(path: path) }
                if !isReadOnly { try migrator.migrate(database) }
            }
            hasChangeLog = !isReadOnly || pending.isEmpty
        } catch let error as MemoryError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            // Another program has the TM to itself (`kioku import` filling a new TM).
            throw .busy(path: path)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notAMemory(path: path, isSQLite: false)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            throw .damaged(path: path, reason: Self.describe(error))
        } catch {
            throw .cannotOpen(path: path, reason: Self.describe(error))
        }
    }

    /// How far this process may write the TM at `path`.
    enum FileAccess {
        case writable
        /// The file is read-only, but SQLite can keep its shared-memory file beside it.
        case readOnlyFile
        /// Nothing can be created beside the file, and no writer has a `-wal` open: SQLite
        /// reads it as an immutable file (its locks and shared memory need the folder).
        case readOnlyFolder

        init(path: String) {
            let folder = (path as NSString).deletingLastPathComponent
            let folderWritable = access(folder.isEmpty ? "." : folder, W_OK) == 0
            if access(path, W_OK) == 0 && folderWritable { self = .writable; return }
            self = folderWritable || FileManager.default.fileExists(atPath: path + "-wal") ? .readOnlyFile : .readOnlyFolder
        }
    }

    /// An SQLite URI opening `path` as a file nobody changes (`?` `#` `%` escaped).
    static func immutableURI(_ path: String) -> String {
        var escaped = ""
        for character in path.unicodeScalars {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return "file:\(escaped)?immutable=1"
    }

    public func write<T>(_ body: (any MemoryWriter) throws -> T) throws(MemoryError) -> T {
        var raisedCache = false
        defer {
            // A bulk load's cache is given back once it has committed (or rolled back), so that
            // a server's writer does not keep half a gigabyte of pages after one large import.
            if raisedCache {
                _ = try? database.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA cache_size = -\(SQLiteWriter.usualCacheKiB); PRAGMA shrink_memory")
                }
            }
        }
        return try writing { db in
            let writer = try SQLiteWriter(db: db, path: path)
            defer { raisedCache = writer.raisedCache }
            let result = try body(writer)
            try writer.finish()
            return result
        }
    }

    /// A TM that holds no units yet, with the file to itself, is filled through the rollback
    /// journal: the write-ahead log wrote every new page twice (into the log, then into the file
    /// at the checkpoint), and a log of gigabytes made SQLite's page lookups in it slow (a 10M
    /// import: 12.6 GB written for a 6.2 GB TM). The journal keeps only the pages a transaction
    /// changes that were already in the file, so a failed or killed import still leaves the TM
    /// as it was (a journal left behind is rolled back by the next open). `synchronous = FULL`
    /// while in it: NORMAL is safe against a crash in WAL mode only.
    ///
    /// Meanwhile no other program can open the TM (it is told the TM is busy): harmless while
    /// there is nothing in it to read, which is why a TM that holds units keeps the log, and
    /// its readers. When another connection has the TM open (a server), the switch is refused at
    /// once and `body` runs in WAL mode as any write does. Afterwards the TM is in WAL mode again
    /// (had this process died first, the next open would have put it back).
    public func withSoleAccess<T>(_ body: () throws(MemoryError) -> T) throws(MemoryError) -> T {
        guard !isReadOnly, try holdsNoUnits(), setJournal(rollback: true) else { return try body() }
        defer { setJournal(rollback: false) }
        return try body()
    }

    private func holdsNoUnits() throws(MemoryError) -> Bool {
        try reading { db in try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM \(UnitTable.name))") ?? false }
    }

    /// Switches the TM's journal (`rollback`, or back to the write-ahead log); whether it did.
    @discardableResult
    private func setJournal(rollback: Bool) -> Bool {
        // This process's idle readers are closed: the switch needs the file to itself.
        database.releaseMemory()
        lookupConnections.withLock { $0.removeAll() }
        let (mode, synchronous) = rollback ? ("DELETE", "FULL") : ("WAL", "NORMAL")
        let switched = try? database.writeWithoutTransaction { db in
            guard try String.fetchOne(db, sql: "PRAGMA journal_mode = \(mode)")?.uppercased() == mode else { return false }
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
            return true
        }
        return switched ?? false
    }

    public func checkpoint() throws(MemoryError) {
        if isReadOnly { return }
        do { _ = try database.writeWithoutTransaction { try $0.checkpoint(.truncate) } }
        catch { throw storeError(error, writing: true) }
    }

    // MARK: Running SQL, and what its errors mean

    /// Runs `body` on a reader connection (concurrent with writes).
    func reading<T>(_ body: (Database) throws -> T) throws(MemoryError) -> T {
        do { return try database.read(body) } catch { throw storeError(error, writing: false) }
    }

    /// How much of the file the store's own connections map into memory (the lookup
    /// connections map none: ``SQLiteLookupConnection``).
    static let mappedBytes = 268_435_456

    /// Runs `body` on a reader connection that reads the file instead of mapping it: for reads
    /// that pass over much of the TM once — loading its index, counting it, exporting it,
    /// checking it. Every mapped page such a read touches stays in the process's resident set
    /// until the connection closes (shared with the kernel's page cache, but counted): after
    /// loading the index and counting the TM, a server over a 1M TM held 256 MB of the file,
    /// a lookup process 75 MB. Read, a page is copied and let go.
    ///
    /// With `whole` false (a range of a few units, say), the read maps the file as others do.
    func scanning<T>(whole: Bool = true, _ body: (Database) throws -> T) throws(MemoryError) -> T {
        try reading { db in
            if !whole { return try body(db) }
            try db.execute(sql: "PRAGMA mmap_size = 0")  // unmaps: no page of the map is in use between statements
            // mapped again, no page touched yet (should that fail, the connection reads unmapped: slower, never wrong)
            defer { try? db.execute(sql: "PRAGMA mmap_size = \(Self.mappedBytes)") }
            return try body(db)
        }
    }

    /// SQLite's integrity check (every page), then each unit's content against the hash it was
    /// stored with: SQLite keeps no checksums, so a flipped byte inside a text would otherwise
    /// pass unseen and be answered as if it were the translation.
    public func integrityProblems() throws(MemoryError) -> [String] {
        let pages = try scanning { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        guard pages == ["ok"] else { return pages }
        var problems: [String] = []
        try readUnits(ids: nil, languages: nil, changed: { unit in
            problems.append("unit \(unit.id.rawValue): its text is not what was stored (the checksum it was stored with differs)")
        }) { _ in }
        return problems
    }

    /// Runs `body` in a write transaction and counts it.
    func writing<T>(_ body: (Database) throws -> T) throws(MemoryError) -> T {
        if isReadOnly { throw .readOnly(path: path) }
        // GRDB's pool commits a table created and dropped at open (so that its readers find a
        // write-ahead log). Folded into the file before this process's first write, while there
        // is room, it cannot stand in the way of giving back a write the disk could not hold
        // (below); a process that only reads never pays for it.
        if writes.withLock({ $0 == 0 }) { _ = try? database.writeWithoutTransaction { try $0.checkpoint(.passive) } }
        defer { writes.withLock { $0 += 1 } }
        do { return try database.write(body) } catch {
            let failure = storeError(error, writing: true)
            // A write the disk could not hold leaves its pages in the write-ahead log: give
            // the space back, so that the disk is not left full by what was rolled back.
            if failure == .diskFull(path: path) { _ = try? database.writeWithoutTransaction { try $0.checkpoint(.truncate) } }
            throw failure
        }
    }

    /// A thrown error as a ``MemoryError``: a reader's error stays a format error, SQLite's
    /// result codes say whether the disk, a lock or the file itself is to blame.
    func storeError(_ error: any Error, writing: Bool) -> MemoryError {
        Self.storeError(error, path: path, writing: writing)
    }

    static func storeError(_ error: any Error, path: String, writing: Bool) -> MemoryError {
        if let error = error as? MemoryError { return error }
        if let error = error as? FormatError { return .format(error) }
        guard let error = error as? DatabaseError else {
            return writing ? .writeFailed(path: path, reason: "\(error)") : .readFailed(path: path, reason: "\(error)")
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
        case .SQLITE_FULL: return .diskFull(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM: return .readOnly(path: path)
        case .SQLITE_CANTOPEN where writing: return .readOnly(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .damaged(path: path, reason: describe(error))
        default:
            let reason = describe(error)
            return writing ? .writeFailed(path: path, reason: reason) : .readFailed(path: path, reason: reason)
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? error.description }
        return "\(error)"
    }
}
