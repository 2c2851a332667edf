import Testing
import KiokuPostgres

/// `--db` URLs: what they name, what comes from the environment, and that a password never
/// shows in what Kioku prints. No server needed.
@Suite struct PostgresAddressTests {
    @Test func aURLNamesUserHostPortAndDatabase() throws {
        let address = try PostgresAddress("postgresql://ana:s%40cret@db.example:6543/team_tm", environment: [:])
        #expect(address == PostgresAddress(user: "ana", password: "s@cret", host: "db.example", port: 6543, database: "team_tm"))
        #expect(address.description == "postgresql://ana@db.example:6543/team_tm")
        #expect(!address.description.contains("cret"))
    }

    @Test func whatTheURLLeavesOutComesFromLibpqsVariables() throws {
        let environment = ["PGUSER": "kioku", "PGPASSWORD": "from-env", "PGHOST": "/run/postgresql", "PGPORT": "5433"]
        let address = try PostgresAddress("postgresql:///tm", environment: environment)
        #expect(address == PostgresAddress(user: "kioku", password: "from-env", host: "/run/postgresql", port: 5433, database: "tm"))
        #expect(address.isSocket)
        #expect(address.description == "postgresql://kioku@/tm?host=/run/postgresql&port=5433")
        let socket = try PostgresAddress("postgres://ana@/tm?host=/tmp/pg", environment: [:])
        #expect(socket.host == "/tmp/pg" && socket.port == 5432 && socket.user == "ana")
    }

    @Test func aBadURLIsRefusedWithItsPasswordBlanked() {
        #expect(throws: PostgresAddressError(address: "postgresql://ana:***@host/", problem: "it names no database (postgresql://user@host:port/DATABASE)")) {
            try PostgresAddress("postgresql://ana:secret@host/", environment: [:])
        }
        #expect(throws: PostgresAddressError.self) { try PostgresAddress("postgresql://ana@host:99999/tm", environment: [:]) }
        #expect(throws: PostgresAddressError.self) { try PostgresAddress("postgresql://ana@host/tm?sslmode=require", environment: [:]) }
        #expect(throws: PostgresAddressError.self) { try PostgresAddress("/tmp/team.kioku", environment: [:]) }
    }
}
