import GRDB
import GRDBSQLite

/// A read-only SQLite connection of the TM's own, kept for lookups: its read transaction and
/// its ranking reader's statements are prepared once, and a lookup runs on it with no more
/// than `BEGIN`, the reads and `COMMIT`.
///
/// Through GRDB's pool, each lookup also took a reader from the pool (a dispatch queue and a
/// lock), and asked SQLite for the schema version in a read transaction of its own before
/// ours: a fifth of a lookup over a 100k TM. A connection is used by one thread at a time
/// (``TranslationMemory`` hands them out from a list of idle ones); it closes when released.
final class SQLiteLookupConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    private let begin: OpaquePointer
    private let commit: OpaquePointer
    private let rollback: OpaquePointer
    /// Every statement prepared on the connection, the reader's included: finalized before it closes.
    private let statements: [OpaquePointer]
    let reader: SQLiteRankingReader

    /// The connection's page cache. It maps no part of the file into memory, as the store's own
    /// connections do (256 MB): the mapped pages a lookup touched counted in the process's RSS
    /// beside the pages the index was loaded through (1M EN–RU, `--min 75`: a peak of 409 MB
    /// against 350 MB before this connection, 384 MB with a 2 MB cache; unmapped, 277 MB, and
    /// lookups 7 % slower than mapped).
    static let cacheKiB = 8_192

    /// Opens `path` (an SQLite URI when `isURI`) read-only, with the store's patience with a busy file.
    init(path: String, isURI: Bool) throws(DatabaseError) {
        var opened: OpaquePointer?
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | (isURI ? SQLITE_OPEN_URI : 0)
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard code == SQLITE_OK, let handle = opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close_v2(opened)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
        sqlite3_busy_timeout(handle, 30_000)
        var prepared: [OpaquePointer] = []
        func failure() -> DatabaseError {
            DatabaseError(resultCode: ResultCode(rawValue: sqlite3_errcode(handle)), message: String(cString: sqlite3_errmsg(handle)))
        }
        func prepare(_ sql: String) throws(DatabaseError) -> OpaquePointer {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK, let statement
            else { throw failure() }
            prepared.append(statement)
            return statement
        }
        self.handle = handle
        do throws(DatabaseError) {
            guard sqlite3_exec(handle, "PRAGMA cache_size = -\(Self.cacheKiB); PRAGMA mmap_size = 0", nil, nil, nil) == SQLITE_OK
            else { throw failure() }
            begin = try prepare("BEGIN DEFERRED TRANSACTION")
            commit = try prepare("COMMIT")
            rollback = try prepare("ROLLBACK")
            reader = try SQLiteRankingReader(prepare: prepare)
            statements = prepared
        } catch {
            for statement in prepared { sqlite3_finalize(statement) }
            sqlite3_close_v2(handle)
            throw error
        }
    }

    deinit {
        for statement in statements { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    /// Runs `body` in one read transaction (one snapshot of the TM).
    func reading<T>(_ body: (SQLiteRankingReader) throws -> T) throws -> T {
        try step(begin)
        defer { reader.startOver() }  // what it read and met is not kept past the transaction
        do {
            let result = try body(reader)
            try step(commit)
            return result
        } catch {
            sqlite3_reset(rollback)
            _ = sqlite3_step(rollback)
            sqlite3_reset(rollback)
            throw error
        }
    }

    private func step(_ statement: OpaquePointer) throws(DatabaseError) {
        sqlite3_reset(statement)
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(handle)))
        }
    }
}
