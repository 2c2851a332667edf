import Foundation
import Testing
import KiokuMemory
import KiokuPostgres
import KiokuTestSupport

/// What happens to a replica when PostgreSQL goes away, and to the TM when a replica dies
/// mid-write: clear 503s while the database is gone, recovery without a restart, and no
/// acknowledged unit lost.
@Suite(.enabled(if: TestDatabase.enabled, "no PostgreSQL server (scripts/test.sh starts one)"), .serialized)
struct FaultTests {
    /// A PostgreSQL server of this test's own (the shared one must not restart under other tests).
    final class OwnServer {
        let folder = Scratch.path("postgres")
        let address: PostgresAddress
        static let script = Repository.path("scripts/postgres-test-server.sh")

        init() throws {
            let started = try KiokuProcess.run(URL(fileURLWithPath: Self.script), ["start", folder])
            guard started.status == 0 else { throw TestDatabase.PSQLFailed(sql: "start", output: started.errors) }
            address = try PostgresAddress(started.output.trimmingCharacters(in: .whitespacesAndNewlines)).with(database: "postgres")
        }

        func run(_ action: String) throws {
            let result = try KiokuProcess.run(URL(fileURLWithPath: Self.script), [action, folder])
            guard result.status == 0 else { throw TestDatabase.PSQLFailed(sql: action, output: result.errors) }
        }

        deinit { _ = try? run("stop") }
    }

    static func unit(_ n: Int) -> String {
        #"{"units":[{"en":"Outage test sentence number \#(n).","ru":"Предложение проверки сбоя номер \#(n)."}]}"#
    }

    @Test func aRestartOfPostgreSQLGivesClear503sAndLosesNothingAcknowledged() async throws {
        let server = try OwnServer()
        let url = ReplicaTests.url(server.address)
        #expect(try KiokuProcess.run(["import", Repository.sample("seed-summit.tmx"), "--db", url]).status == 0)
        let replica = try ServerProcess(serving: ["--db", url, "--token", "secret"])
        var acknowledged: [Int] = [], unavailable: [String] = [], other: [Int] = []
        var n = 0
        func write() async throws {
            let (status, data) = try await replica.post("/api/units", Self.unit(n), token: "secret")
            switch status {
            case 201: acknowledged.append(n)
            case 503: unavailable.append(ServerProcess.errorMessage(data) ?? "")
            default: other.append(status)
            }
            n += 1
        }
        for _ in 0..<10 { try await write() }
        try server.run("pause")
        // the replica's own index follower notices (it looks every quarter second)
        let noticed = try await Polling.within(10) { replica.log().contains("could not bring the index up to date") }
        #expect(noticed != nil, "the replica never logged the outage")
        for _ in 0..<10 { try await write() }
        // lookups need the database for the candidates' texts: a 503 as well, in JSON
        let lookup = try await replica.get("/tmserver/en/ru/unit/Abe%20and%20Putin%20met%20in%20Tokyo.")
        #expect(lookup.status == 503)
        #expect(ServerProcess.errorMessage(lookup.data)?.contains("out of reach") == true)
        try server.run("resume")
        // back without restarting the replica (its backoff is at most 2 s)
        let recovered = try await Polling.within(10) {
            try await write()
            return acknowledged.last == n - 1
        }
        #expect(recovered != nil)
        for _ in 0..<10 { try await write() }
        // the follower's next round logs the end of the outage
        let ended = try await Polling.within(10) { replica.log().contains("can be reached again") }
        #expect(ended != nil, "the replica never logged the end of the outage")
        replica.stop()
        #expect(other.isEmpty, "statuses other than 201 and 503: \(other)")
        #expect(unavailable.count >= 10)
        #expect(unavailable.allSatisfy { $0.contains("out of reach") && $0.contains("was not stored") })
        // every acknowledged unit is in the database, and nothing that was refused
        let store = try PostgresStore(address: server.address, create: false)
        let stored = Set(try store.allUnits().compactMap { $0.unit.variant(.english)?.segment.text })
        #expect(acknowledged.count >= 21)
        for number in acknowledged { #expect(stored.contains("Outage test sentence number \(number).")) }
        #expect(try store.units(fromOrigin: "http").count == acknowledged.count)
        // the outage is logged once, and its end once
        let log = replica.log()
        #expect(log.components(separatedBy: "could not bring the index up to date").count - 1 == 1, "\(log)")
        #expect(log.contains("can be reached again"))
    }

    @Test func aReplicaKilledMidWriteLosesNoAcknowledgedUnit() async throws {
        let address = try TestDatabase.make()
        let url = ReplicaTests.url(address)
        #expect(try KiokuProcess.run(["import", Repository.sample("seed-summit.tmx"), "--db", url]).status == 0)
        let doomed = try ServerProcess(serving: ["--db", url, "--token", "secret"])
        let survivor = try ServerProcess(serving: ["--db", url, "--token", "secret"])
        defer { survivor.stop() }
        // batches of 50 units stream into the first replica until it is killed
        let acknowledged = Locked<[Int]>([])
        let writer = Task {
            for batch in 0..<10_000 {
                let units = (0..<50).map { n in #"{"en":"Batch \#(batch) unit \#(n).","ru":"Партия \#(batch) единица \#(n)."}"# }
                guard let (status, _) = try? await doomed.post("/api/units", #"{"units":[\#(units.joined(separator: ","))]}"#, token: "secret"),
                      status == 201 else { return }
                acknowledged.withLock { $0.append(batch) }
            }
        }
        _ = try await Polling.within(20) { acknowledged.withLock { $0.count } >= 5 }
        doomed.stop(signal: SIGKILL)
        await writer.value
        let done = acknowledged.withLock { $0 }
        #expect(done.count >= 5)
        // every acknowledged batch is whole in the database; a batch cut off is not there at all
        let store = try PostgresStore(address: address, create: false)
        var perBatch: [Int: Int] = [:]
        for stored in try store.allUnits() {
            guard let text = stored.unit.variant(.english)?.segment.text, text.hasPrefix("Batch ") else { continue }
            perBatch[Int(text.split(separator: " ")[1])!, default: 0] += 1
        }
        for batch in done { #expect(perBatch[batch] == 50, "batch \(batch)") }
        #expect(perBatch.values.allSatisfy { $0 == 50 })
        #expect(Set(perBatch.keys).subtracting(done).count <= 1)  // at most the batch in flight, committed before its answer was sent
        // the other replica answers for them and takes writes (the killed one's lock went with its connection)
        let last = try #require(done.last)
        let seen = try await Polling.within(5) {
            try await ReplicaTests.target(on: survivor, "Batch \(last) unit 49.") == "Партия \(last) единица 49."
        }
        #expect(seen != nil)
        #expect(try await survivor.post("/api/units", Self.unit(1), token: "secret").status == 201)
    }
}
