import Logging
import NIOCore
import PostgresNIO

/// One PostgreSQL connection used from a plain thread: each call sends its statement and
/// blocks until the answer is in (`MemoryStore`'s calls are synchronous). Never used from
/// an event loop; the connection's own I/O runs on NIO's shared event loops.
struct PostgresSession {
    let pooled: PooledConnection
    let logger: Logger

    var connection: PostgresConnection { pooled.connection }

    /// The rows of a statement prepared once per connection (`PREPARE`): PostgreSQL then skips
    /// parsing and planning it again, which costs more than running the lookups' small reads.
    /// Its one parameter, `$1`, is a list of ids, written into the `EXECUTE` (integers only:
    /// nothing to quote), since `EXECUTE` takes no bound parameters.
    func prepared(_ name: String, _ definition: String, ids: [Int64]) throws -> [PostgresRow] {
        if !pooled.prepared.contains(name) {
            try run(PostgresQuery(unsafeSQL: "PREPARE \(name)(bigint[]) AS \(definition)"))
            pooled.prepared.insert(name)
        }
        return try rows(PostgresQuery(unsafeSQL: "EXECUTE \(name)('{\(ids.map(String.init).joined(separator: ","))}')"))
    }

    /// The rows a statement answers (binds travel apart from the SQL: no quoting, no injection).
    func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
        Array(try connection.query(query, logger: logger).wait().rows)
    }

    /// Runs a statement; returns how many rows it changed (0 when it says nothing of rows).
    @discardableResult
    func run(_ query: PostgresQuery) throws -> Int {
        try connection.query(query, logger: logger).wait().metadata.rows ?? 0
    }

    /// Sends a statement without waiting: its answer is the future's (statements on one
    /// connection run in the order they were sent).
    func send(_ query: PostgresQuery) -> EventLoopFuture<PostgresQueryResult> {
        connection.query(query, logger: logger)
    }

    /// Runs Kioku's own SQL without parameters, statement by statement (migrations, `BEGIN`):
    /// statements are separated by `;`, and none of Kioku's has a `;` inside a literal.
    func script(_ sql: String) throws {
        for statement in sql.split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
            try run(PostgresQuery(unsafeSQL: String(statement)))
        }
    }

    /// The first column of the first row, or nil when there is no row (or it is NULL).
    func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> T? where T._DecodableType == T {
        guard let row = try rows(query).first else { return nil }
        return try row.decode(Optional<T>.self)
    }

    /// Each row's single column.
    func column<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> [T] {
        try rows(query).map { try $0.decode(T.self) }
    }
}
