import Foundation
import KiokuConcurrency
import KiokuFormats
import KiokuMemory
import KiokuText
import NIOCore
import PostgresNIO

/// A translation memory in a PostgreSQL database: the same `MemoryStore` as the SQLite
/// file (units, variants, metadata, origins, the change log, the stored glossary and the
/// fuzzy index's data), for a team that shares one TM among several servers and machines.
///
/// Every write is one transaction that holds the database's Kioku lock (an advisory lock),
/// so writers on several machines take turns as two processes on one SQLite file do, and a
/// write is committed in PostgreSQL before the call returns. Reads that must agree with each
/// other (a lookup's ranking, an index load, an export) run in one repeatable-read
/// transaction. The fuzzy index's data is kept in the database, so a new server loads it
/// instead of building it.
public final class PostgresStore: MemoryStore, Sendable {
    public let address: PostgresAddress
    public var location: String { address.description }
    let connections: PostgresConnections
    private let writes = Locked(0)
    /// The connection that holds the index-saving lock while this process is the one that
    /// saves the fuzzy index's data (see ``claimsIndexSaving()``).
    private let indexSaver = Locked<(holder: PostgresSession?, lastTry: ContinuousClock.Instant?)>((nil, nil))
    /// How often a process that does not save tries to become the saver (a connection each try).
    static let saverRetry: Duration = .seconds(5)

    public var localWriteCount: Int { writes.withLock { $0 } }

    /// Opens the TM in the database at `address`, creating Kioku's tables in an empty database
    /// and bringing an older schema up to date. With `create: false`, a database without
    /// Kioku's tables is refused as `MemoryError.missing` instead.
    public init(address: PostgresAddress, create: Bool = true, connectTimeout: Duration = .seconds(5)) throws(MemoryError) {
        self.address = address
        connections = PostgresConnections(address: address, connectTimeout: TimeAmount(connectTimeout))
        let location = address.description
        do {
            try connections.withSession { session in
                if !create {
                    let known = try session.value("SELECT to_regclass('kioku_migration') IS NOT NULL", as: Bool.self) ?? false
                    if !known {
                        let empty = try session.value("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()", as: Int64.self) == 0
                        throw empty ? MemoryError.missing(path: location) : MemoryError.notAMemory(path: location, isSQLite: false)
                    }
                }
                try PostgresMigrations.migrate(session)
            }
        } catch PostgresStoreFailure.notAMemory {
            throw .notAMemory(path: location, isSQLite: false)
        } catch PostgresStoreFailure.newerFormat {
            throw .newerFormat(path: location)
        } catch {
            throw Self.storeError(error, location: location, writing: false, opening: true)
        }
    }

    /// Opens the TM at a `postgresql://` URL (what it leaves out from libpq's variables).
    public convenience init(url: String, create: Bool = true) throws(MemoryError) {
        let address: PostgresAddress
        do { address = try PostgresAddress(url) } catch { throw .cannotOpen(path: PostgresAddress.redacted(url), reason: error.problem) }
        try self.init(address: address, create: create)
    }

    // MARK: Transactions

    public func write<T>(_ body: (any MemoryWriter) throws -> T) throws(MemoryError) -> T {
        var inserted = 0
        let result = try writing { session in
            let writer = PostgresWriter(session: session, location: location)
            let result = try body(writer)
            try writer.flush()
            inserted = writer.insertedUnits
            return result
        }
        if inserted >= BulkLoad.units { refreshStatistics() }
        return result
    }

    /// `ANALYZE` of the tables a bulk load filled: until autovacuum gets to them, the planner
    /// would plan the lookups' reads on the statistics of the tables before the load. Best
    /// effort: the write is committed either way.
    private func refreshStatistics() {
        _ = try? connections.withSession { session in try session.script("ANALYZE unit; ANALYZE variant; ANALYZE unit_pair; ANALYZE origin") }
    }

    /// Runs `body` in a write transaction holding the Kioku lock, and counts it. The lock is
    /// waited for up to 30 s, as SQLite's writers wait for each other.
    func writing<T>(_ body: (PostgresSession) throws -> T) throws(MemoryError) -> T {
        do {
            let result = try connections.withSession { session in
                try session.script("BEGIN; SET LOCAL lock_timeout = '30s'")
                do {
                    try session.run("SELECT pg_advisory_xact_lock(\(PostgresMigrations.lockKey))")
                    let result = try body(session)
                    try session.script("COMMIT")
                    return result
                } catch {
                    if !session.connection.isClosed { try? session.script("ROLLBACK") }
                    throw error
                }
            }
            writes.withLock { $0 += 1 }
            return result
        } catch {
            throw Self.storeError(error, location: location, writing: true)
        }
    }

    /// Runs `body` on a connection of its own, outside any transaction (single-statement reads).
    func reading<T>(_ body: (PostgresSession) throws -> T) throws(MemoryError) -> T {
        do { return try connections.withSession(body) } catch { throw Self.storeError(error, location: location, writing: false) }
    }

    /// Runs `body` in a read-only repeatable-read transaction: every statement sees the same
    /// snapshot. `BEGIN` and `COMMIT` are sent without waiting for their answers (a connection
    /// runs its statements in order), which saves a lookup two round trips: a failed `BEGIN`
    /// fails the read, and a failed `COMMIT` (of a transaction that wrote nothing) closes the
    /// connection, so that it is not lent again.
    func readingSnapshot<T>(_ body: (PostgresSession) throws -> T) throws(MemoryError) -> T {
        try reading { session in
            let begin = session.send("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            do {
                let result = try body(session)
                _ = try begin.wait()
                // Not waited for: the connection runs it before whatever it is given next.
                let commit = session.send("COMMIT")
                let connection = session.connection
                commit.whenFailure { _ in _ = connection.close() as EventLoopFuture<Void> }
                return result
            } catch {
                _ = try? begin.wait()
                if !session.connection.isClosed { try? session.script("ROLLBACK") }
                throw error
            }
        }
    }

    /// Several servers share one database: one saves the index data, the others follow.
    public var sharesIndexSaving: Bool { true }

    /// Whether this process saves the fuzzy index's data: the first to take a session-level
    /// advisory lock on a connection of its own keeps it while that connection lives, so
    /// exactly one server saves at a time, and another takes over if it dies (the others try
    /// again every `saverRetry`).
    public func claimsIndexSaving() throws(MemoryError) -> Bool {
        do {
            return try indexSaver.withLock { state in
                if let held = state.holder, !held.connection.isClosed { return true }
                state.holder = nil
                let now = ContinuousClock.now
                if let last = state.lastTry, now - last < Self.saverRetry { return false }
                state.lastTry = now
                let session = try connections.openDedicated()
                if try session.value("SELECT pg_try_advisory_lock(\(PostgresMigrations.indexSaverKey))", as: Bool.self) == true {
                    state.holder = session
                    return true
                }
                connections.closeDedicated(session)
                return false
            }
        } catch {
            throw Self.storeError(error, location: location, writing: false)
        }
    }

    deinit {
        if let session = indexSaver.withLock({ $0.holder }) { connections.closeDedicated(session) }
    }

    /// PostgreSQL makes every committed write durable itself: nothing to fold in.
    public func checkpoint() throws(MemoryError) {}

    /// Each unit's content against the hash it was stored with (PostgreSQL checks its own
    /// pages when it reads them; a text changed behind Kioku's back shows here).
    public func integrityProblems() throws(MemoryError) -> [String] {
        var problems: [String] = []
        try readUnits(ids: nil, languages: nil, checkingContent: true, changed: { unit in
            problems.append("unit \(unit.id.rawValue): its text is not what was stored (the checksum it was stored with differs)")
        }) { _ in }
        return problems
    }

    /// Gives deleted rows' space back (`VACUUM`: to PostgreSQL's free space, not the file system's).
    public func reclaimSpace() throws(MemoryError) {
        try reading { session in
            for table in ["unit", "variant", "unit_pair", "variant_history", "fuzzy_token", "fuzzy_chunk", "fuzzy_dead"] {
                try session.script("VACUUM \(table)")
            }
        }
    }

    // MARK: Errors

    /// A thrown error as a `MemoryError`: SQLSTATE classes say whether the disk, a lock, a
    /// permission or the server's reachability is to blame. Messages never carry the password.
    static func storeError(_ error: any Error, location: String, writing: Bool, opening: Bool = false) -> MemoryError {
        if let error = error as? MemoryError { return error }
        if let error = error as? FormatError { return .format(error) }
        if let error = error as? PostgresUnreachable { return .unreachable(path: location, reason: error.reason) }
        guard let error = error as? PSQLError else {
            let reason = error is PostgresDecodingError ? "unexpected data from the server (\(String(reflecting: error).prefix(300)))" : "\(error)"
            return opening ? .cannotOpen(path: location, reason: reason) : writing ? .writeFailed(path: location, reason: reason) : .readFailed(path: location, reason: reason)
        }
        let state = error.serverInfo?[.sqlState] ?? ""
        let message = error.serverInfo?[.message] ?? Self.describe(error.code)
        switch state {
        case "53100": return .diskFull(path: location)
        case "55P03", "40001", "40P01", "57014": return .busy(path: location)
        case "42501", "25006": return .readOnly(path: location)
        case "3D000", "28000", "28P01": return .cannotOpen(path: location, reason: message)
        case _ where state.hasPrefix("XX"): return .damaged(path: location, reason: message)
        case _ where state.hasPrefix("57P") || state.hasPrefix("08") || state.isEmpty && error.serverInfo == nil:
            return .unreachable(path: location, reason: message)
        default:
            return opening ? .cannotOpen(path: location, reason: message) : writing ? .writeFailed(path: location, reason: message) : .readFailed(path: location, reason: message)
        }
    }

    /// Why a connection attempt failed, in words.
    static func reachabilityReason(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        return error.serverInfo?[.message] ?? describe(error.code)
    }

    /// What a client-side PostgresNIO failure means, in words (its own description hides details on purpose).
    private static func describe(_ code: PSQLError.Code) -> String {
        switch code {
        case .connectionError: "the database server cannot be reached"
        case .serverClosedConnection, .uncleanShutdown: "the database server closed the connection"
        case .clientClosedConnection: "the connection was closed"
        case .authMechanismRequiresPassword: "the server asks for a password (give it in PGPASSWORD)"
        case .unsupportedAuthMechanism, .saslError: "the server's authentication method is not one Kioku speaks"
        default: "\(code)"
        }
    }
}
