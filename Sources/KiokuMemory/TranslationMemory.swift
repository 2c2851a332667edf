import Foundation
import GRDB
import KiokuFormats
import KiokuText

/// A translation memory: one SQLite file holding translation units in any number
/// of languages. Opening a path that does not exist creates an empty TM.
///
/// Reads may run concurrently with a write (WAL mode). Every import is one
/// transaction: it lands whole or not at all.
public final class TranslationMemory: @unchecked Sendable {
    public let path: String
    let database: DatabasePool
    private let writeLock = NSLock()
    private var writes = 0

    /// Counts the write transactions this object has committed, so that derived data
    /// (the fuzzy index) can tell cheaply whether it must look for new units.
    public var writeCount: Int {
        writeLock.lock()
        defer { writeLock.unlock() }
        return writes
    }

    func noteWrite() {
        writeLock.lock()
        writes += 1
        writeLock.unlock()
    }

    /// Opens (or, with `create: true`, creates) the TM at `path`.
    public init(path: String, create: Bool = true) throws(MemoryError) {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create {
            throw .cannotOpen(path: path, reason: "no such file (import something into it first)")
        }
        var configuration = Configuration()
        configuration.label = "kioku"
        configuration.foreignKeysEnabled = false
        // A TM may be written by a server and a `kioku import` at once: the second writer
        // waits for the first instead of failing with "database is locked".
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456")
        }
        do {
            database = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw .cannotOpen(path: path, reason: Self.describe(error))
        }
        do {
            if exists {
                let isKioku = try database.read { db in
                    let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                    return tables.isEmpty || tables.contains("kioku_info")
                }
                guard isKioku else { throw MemoryError.cannotOpen(path: path, reason: "it is an SQLite file but not a Kioku translation memory") }
            }
            try Schema.migrator().migrate(database)
        } catch let error as MemoryError {
            throw error
        } catch {
            throw .cannotOpen(path: path, reason: Self.describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            if error.resultCode == .SQLITE_NOTADB { return "it is not an SQLite database" }
            return error.message ?? error.description
        }
        return "\(error)"
    }

    func databaseError(_ error: any Error) -> MemoryError {
        if let error = error as? MemoryError { return error }
        if let error = error as? FormatError { return .format(error) }
        return .database(path: path, reason: Self.describe(error))
    }

    /// How many units the TM holds.
    public func unitCount() throws(MemoryError) -> Int {
        do { return try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM unit") ?? 0 } }
        catch { throw databaseError(error) }
    }

    /// Checkpoints the write-ahead log into the main file, so the TM is a single file again.
    public func checkpoint() throws(MemoryError) {
        do { _ = try database.writeWithoutTransaction { try $0.checkpoint(.truncate) } }
        catch { throw databaseError(error) }
    }
}

extension TranslationMemory {
    /// Runs `body` on a read-only connection (concurrent with writes). For libraries that
    /// keep their own tables in the TM file, such as the fuzzy index.
    public func read<T>(_ body: (Database) throws -> T) throws(MemoryError) -> T {
        do { return try database.read(body) } catch { throw databaseError(error) }
    }

    /// Runs `body` in a write transaction: all of it lands, or none.
    public func write<T>(_ body: (Database) throws -> T) throws(MemoryError) -> T {
        defer { noteWrite() }
        do { return try database.write(body) } catch { throw databaseError(error) }
    }

    /// Applies another library's migrations (own identifiers) to the TM file.
    public func migrate(_ migrator: DatabaseMigrator) throws(MemoryError) {
        do { try migrator.migrate(database) } catch { throw databaseError(error) }
    }
}
