import Foundation
import KiokuFormats
import KiokuMemory
import KiokuPostgres
import KiokuTestSupport

/// A database of its own for each test, on the throwaway server `scripts/test.sh` starts
/// (`scripts/postgres-test-server.sh`), whose URL is in `KIOKU_TEST_POSTGRES`. Without it the
/// PostgreSQL tests are skipped — unless `KIOKU_REQUIRE_POSTGRES` is set (as `scripts/test.sh`
/// and CI set it), when they fail instead of passing unseen.
enum TestDatabase {
    static let serverURL = ProcessInfo.processInfo.environment["KIOKU_TEST_POSTGRES"]
    static let isRequired = ProcessInfo.processInfo.environment["KIOKU_REQUIRE_POSTGRES"] != nil
    /// Whether the PostgreSQL tests run (they fail when required but no server is given).
    static let enabled = serverURL != nil || isRequired

    struct NoServer: Error, CustomStringConvertible {
        var description: String { "KIOKU_REQUIRE_POSTGRES is set but KIOKU_TEST_POSTGRES names no server (scripts/test.sh starts one)" }
    }

    /// A new, empty database; its address.
    static func make() throws -> PostgresAddress {
        guard let serverURL else { throw NoServer() }
        let server = try PostgresAddress(serverURL)
        let name = "kioku_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try psql(server, "CREATE DATABASE \(name)")
        return server.with(database: String(name))
    }

    /// A new database holding a TM with the bundled seed memory and `more` units from a TSV.
    static func seeded() throws -> PostgresStore {
        let store = try PostgresStore(address: try make())
        _ = try store.importUnits(from: [ImportSource(origin: "seed", reader: try TMXReader(path: Repository.sample("seed-summit.tmx")))])
        return store
    }

    /// Runs SQL with psql (PostgreSQL's own client), as a database administrator would.
    @discardableResult
    static func psql(_ address: PostgresAddress, _ sql: String) throws -> String {
        let result = try KiokuProcess.run(URL(fileURLWithPath: "/usr/bin/psql"), [address.description, "-XAtq", "-v", "ON_ERROR_STOP=1", "-c", sql])
        guard result.status == 0 else { throw PSQLFailed(sql: sql, output: result.errors) }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct PSQLFailed: Error, CustomStringConvertible {
        var sql: String
        var output: String
        var description: String { "psql failed on \(sql): \(output)" }
    }
}
