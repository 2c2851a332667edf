import Dispatch
import KiokuConcurrency
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// The connections a ``PostgresStore`` keeps open to its server: one is lent to each call
/// and taken back after it, so that concurrent lookups each have their own, and a connection
/// that broke (the server restarted) is dropped instead of being lent again. At most
/// ``limit`` are open at once (PostgreSQL allows 100 clients by default, shared by every
/// server of a team): a call beyond that waits for one to come back.
final class PostgresConnections: Sendable {
    let address: PostgresAddress
    /// The most connections lent at once.
    let limit: Int
    private let available: DispatchSemaphore
    private let idle = Locked<[PooledConnection]>([])
    private let nextID = Locked(0)
    private let logger: Logger
    /// How long a connection attempt may take before it counts as failed.
    private let connectTimeout: TimeAmount
    /// While the server is out of reach: until when calls fail at once instead of trying to
    /// connect, the wait before the next try (doubling from 50 ms to 2 s), and why.
    private let outage = Locked<(retryAt: ContinuousClock.Instant, backoff: Duration, reason: String)?>(nil)

    init(address: PostgresAddress, connectTimeout: TimeAmount = .seconds(5), limit: Int = 16) {
        self.address = address
        self.limit = limit
        available = DispatchSemaphore(value: limit)
        self.connectTimeout = connectTimeout
        // PostgresNIO logs each query at debug level; Kioku reports errors itself.
        var logger = Logger(label: "kioku.postgres")
        logger.logLevel = .critical
        self.logger = logger
    }

    deinit {
        closeIdle()
    }

    /// Runs `body` with a connection of its own. The connection goes back to the idle ones
    /// unless it is closed (a broken one is dropped; the next call opens a new one).
    func withSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        available.wait()
        defer { available.signal() }
        var reused: PooledConnection?
        while let candidate = idle.withLock({ $0.popLast() }) {
            if !candidate.connection.isClosed { reused = candidate; break }
            Self.close(candidate.connection)
        }
        let pooled = try reused ?? PooledConnection(open())
        defer {
            if pooled.connection.isClosed {
                Self.close(pooled.connection)
            } else {
                idle.withLock { $0.append(pooled) }
            }
        }
        return try body(PostgresSession(pooled: pooled, logger: logger))
    }

    /// A connection of its own, outside the pool (one that holds a session's advisory lock).
    func openDedicated() throws -> PostgresSession {
        PostgresSession(pooled: PooledConnection(try open()), logger: logger)
    }

    /// Closes a connection the pool does not hold.
    func closeDedicated(_ session: PostgresSession) {
        Self.close(session.connection)
    }

    /// Closes every idle connection (a server restart left them useless, or the store is done).
    func closeIdle() {
        for pooled in idle.withLock({ connections in defer { connections = [] }; return connections }) {
            Self.close(pooled.connection)
        }
    }

    /// Closes a connection without waiting; the connection lives until it is closed.
    private static func close(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// A new connection — unless the server was out of reach a moment ago: then one call in
    /// each backoff period tries, and the others fail at once with ``PostgresUnreachable``, so
    /// that a server restart does not meet a storm of connection attempts.
    private func open() throws -> PostgresConnection {
        let now = ContinuousClock.now
        if let reason = outage.withLock({ state in state.flatMap { now < $0.retryAt ? $0.reason : nil } }) {
            throw PostgresUnreachable(reason: reason)
        }
        do {
            let connection = try connect()
            outage.withLock { $0 = nil }
            return connection
        } catch {
            let reason = PostgresStore.reachabilityReason(error)
            outage.withLock { state in
                let backoff = state.map { min($0.backoff * 2, .seconds(2)) } ?? .milliseconds(50)
                state = (ContinuousClock.now + backoff, backoff, reason)
            }
            throw error
        }
    }

    private func connect() throws -> PostgresConnection {
        var configuration = address.isSocket
            ? PostgresConnection.Configuration(unixSocketPath: address.host + "/.s.PGSQL.\(address.port)", username: address.user,
                                               password: address.password, database: address.database)
            : PostgresConnection.Configuration(host: address.host, port: address.port, username: address.user,
                                               password: address.password, database: address.database, tls: .disable)
        configuration.options.connectTimeout = connectTimeout
        let id = nextID.withLock { id in defer { id += 1 }; return id }
        return try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration,
                                              id: id, logger: logger).wait()
    }
}

/// A connection and the statements prepared on it (`PREPARE` lasts as long as the connection).
final class PooledConnection: @unchecked Sendable {
    let connection: PostgresConnection
    /// Names of the statements prepared on this connection; used by one session at a time.
    var prepared: Set<String> = []

    init(_ connection: PostgresConnection) {
        self.connection = connection
    }
}

/// The server was out of reach a moment ago, and this call did not try again (see the backoff in ``PostgresConnections``).
struct PostgresUnreachable: Error {
    var reason: String
}
