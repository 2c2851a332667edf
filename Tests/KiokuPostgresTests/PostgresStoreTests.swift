import Foundation
import Testing
import KiokuFormats
import KiokuMatch
import KiokuMemory
import KiokuPostgres
import KiokuTestSupport
import KiokuText

/// The PostgreSQL store against the SQLite one: the same imports give the same units, the
/// same statistics, the same lookups and the same exports, on a real PostgreSQL server.
@Suite(.enabled(if: TestDatabase.enabled, "no PostgreSQL server (scripts/test.sh starts one)"), .serialized)
struct PostgresStoreTests {
    /// The seed memory and a TSV, imported the same way into an SQLite file and a database.
    static func stores() throws -> (sqlite: TranslationMemory, postgres: PostgresStore) {
        let tsv = Scratch.file("more.tsv", """
            en\tru
            The summit in Vladivostok ended on December 15.\tСаммит во Владивостоке завершился 15 декабря.
            Abe and Putin met again in Tokyo.\tАбэ и Путин снова встретились в Токио.
            """)
        let sqlite = try TranslationMemory(path: Scratch.tmPath()), postgres = try PostgresStore(address: try TestDatabase.make())
        for store in [sqlite as any MemoryStore, postgres] {
            _ = try store.importUnits(from: [
                ImportSource(origin: "seed", reader: try TMXReader(path: Repository.sample("seed-summit.tmx"))),
                ImportSource(origin: "more", reader: try UnitReaders.open(path: tsv)),
            ])
        }
        return (sqlite, postgres)
    }

    /// A vocabulary id no index can hold is a damaged index, as in an SQLite file — not an id
    /// cut to 32 bits that would find the wrong documents.
    @Test func aVocabularyIdOutOfRangeIsADamagedIndex() throws {
        let store = try TestDatabase.seeded()
        try FuzzyIndex(memory: store).update()
        try TestDatabase.psql(store.address, "UPDATE fuzzy_token SET id = 4294967296 + id WHERE lang = 'ru' AND token = (SELECT min(token) FROM fuzzy_token WHERE lang = 'ru')")
        let reopened = try PostgresStore(address: store.address)
        #expect(throws: MemoryError.damagedIndex(path: reopened.location, language: "ru")) {
            try Matcher(memory: reopened).lookup("Москва и Токио", from: .russian, to: .english)
        }
    }

    @Test func bothStoresHoldTheSameUnitsAndExportTheSameTMX() throws {
        let (sqlite, postgres) = try Self.stores()
        #expect(try postgres.allUnits() == sqlite.allUnits())
        #expect(try postgres.allUnits().count == 27)
        let a = try sqlite.statistics(), b = try postgres.statistics()
        #expect(a.units == b.units && a.segments == b.segments && a.languages == b.languages && a.pairs == b.pairs)
        #expect(a.origins.map(\.path) == b.origins.map(\.path) && a.origins.map(\.units) == b.origins.map(\.units))
        #expect(try b.path == postgres.location && b.fileBytes > 0 && b.fileBytes == postgres.storedBytes())
        #expect(try postgres.dominantSourceLanguage() == sqlite.dominantSourceLanguage())
        #expect(try postgres.units(fromOrigin: "more") == sqlite.units(fromOrigin: "more"))
        #expect(try postgres.existingUnits([3, 1, 999, 3]) == [1, 3])
        #expect(try postgres.exportedTMX() == sqlite.exportedTMX())
        // only the languages asked for, and units left with fewer than two passed over
        #expect(try postgres.allUnits(languages: [.english, .japanese]) == sqlite.allUnits(languages: [.english, .japanese]))
        // a duplicate is recognised by content, within one import and across imports
        let again = try postgres.add([unit((.english, "Abe and Putin met again in Tokyo."), (.russian, "Абэ и Путин снова встретились в Токио.")),
                                      unit((.english, "New in this batch."), (.russian, "Новое в этой партии.")),
                                      unit((.english, "New in this batch."), (.russian, "Новое в этой партии."))])
        #expect(again.duplicates == 2 && again.added == 1 && again.unitsInMemory == 28)
        #expect(try postgres.integrityProblems().isEmpty)
    }

    @Test func lookupsAndConcordanceAnswerAsOnSQLite() throws {
        let (sqlite, postgres) = try Self.stores()
        let onSQLite = try Matcher(memory: sqlite), onPostgres = try Matcher(memory: postgres)
        var compared = 0
        for stored in try sqlite.allUnits() {
            for (source, target) in [(LanguageTag.english, LanguageTag.russian), (.russian, .english), (.japanese, .english)] {
                guard let text = stored.unit.variant(source)?.segment.text else { continue }
                let query = String(text.dropLast(4)) + " 2026"
                let options = LookupOptions(minimumScore: 50, maximumResults: 3)
                let expected = try onSQLite.lookup(query, from: source, to: target, options: options)
                #expect(try onPostgres.lookup(query, from: source, to: target, options: options) == expected, "\(query)")
                compared += expected.count
            }
        }
        #expect(compared > 60)
        #expect(try Concordance(memory: postgres).search("Владивосток", language: .russian) == Concordance(memory: sqlite).search("Владивосток", language: .russian))
    }

    @Test func theIndexIsSavedInTheDatabaseAndASecondProcessLoadsIt() throws {
        let postgres = try Self.stores().postgres
        #expect(try FuzzyIndex(memory: postgres).update().documentsAdded == 79)
        // another store object on the same database: a second server
        let replica = try PostgresStore(address: postgres.address, create: false)
        let index = try FuzzyIndex(memory: replica)
        #expect(try index.update().documentsAdded == 0)
        #expect(try index.languages() == ["en", "ja", "ru"])
        #expect(try Matcher(index: index).lookup("Abe and Putin met again in Tokyo.", from: .english, to: .russian).first?.score == 100)
        // a save on a stale watermark writes nothing
        let stale = try replica.revision().indexed
        #expect(try postgres.saveIndex([], replacing: stale, through: IndexWatermark(units: 30), replacingAll: false))
        #expect(try replica.saveIndex([IndexChanges(language: "en", newTokens: [("tokyo", 2)], chunks: [])], replacing: stale,
                                      through: IndexWatermark(units: 31), replacingAll: false) == false)
        #expect(try replica.revision().indexed == IndexWatermark(units: 30, changes: 0, saves: stale.saves + 1))
    }

    @Test func oneServerSavesTheIndexTheOthersFollowAndOneTakesOverWhenItGoes() throws {
        let address = try TestDatabase.make()
        let follower: PostgresStore, followerIndex: FuzzyIndex, saves: Int64
        do {
            let saver = try PostgresStore(address: address)
            _ = try saver.importUnits(from: [ImportSource(origin: "seed", reader: try TMXReader(path: Repository.sample("seed-summit.tmx")))])
            let saverIndex = try FuzzyIndex(memory: saver)
            try saverIndex.update()
            #expect(try saver.claimsIndexSaving())
            follower = try PostgresStore(address: address, create: false)
            #expect(try follower.claimsIndexSaving() == false)
            followerIndex = try FuzzyIndex(memory: follower)
            try followerIndex.load()
            // the saver takes new units and saves; the follower indexes them itself instead of reloading the saved copy
            try saver.add((0..<10).map { n in unit((.english, "Saved by the first server, number \(n)."), (.russian, "Сохранено первым сервером, номер \(n).")) })
            try saverIndex.update()
            saves = try follower.revision().indexed.saves
            #expect(try followerIndex.update().documentsAdded == 20)
            #expect(try follower.revision().indexed.saves == saves)  // it saved nothing
            #expect(try Matcher(index: followerIndex).lookup("Saved by the first server, number 7.", from: .english, to: .russian).first?.score == 100)
        }
        // the saver goes away (its store and index are gone): the follower takes over, and its
        // first save replaces the saved copy whole
        let claimed = (0..<160).contains { _ in  // it tries again every 5 s
            if (try? follower.claimsIndexSaving()) == true { return true }
            Thread.sleep(forTimeInterval: 0.05)
            return false
        }
        #expect(claimed)
        try follower.add([unit((.english, "Added after the takeover."), (.russian, "Добавлено после смены."))])
        try followerIndex.update()
        #expect(try follower.revision().indexed.saves == saves + 1)
        // a new process loads that copy and has nothing left to index
        let fresh = try FuzzyIndex(memory: try PostgresStore(address: address, create: false))
        try fresh.load()
        #expect(try fresh.update().documentsAdded == 0)
        let matcher = Matcher(index: fresh)
        let seedSentence = try #require(try follower.unit(20)?.unit.variant(.english)?.segment.text)
        for query in ["Added after the takeover.", "Saved by the first server, number 3.", seedSentence] {
            #expect(try matcher.lookup(query, from: .english, to: .russian, options: LookupOptions(minimumScore: 60)).isEmpty == false, "\(query)")
        }
    }

    @Test func deletionsAndEditsReachAnotherProcessThroughTheChangeLog() throws {
        let postgres = try Self.stores().postgres
        let replica = try PostgresStore(address: postgres.address, create: false)
        let follower = try Matcher(memory: replica)
        let query = "Abe and Putin met again in Tokyo."
        let found = try follower.lookup(query, from: .english, to: .russian)
        #expect(found.first?.score == 100)
        let id = try #require(found.first?.unitID)
        let stamp = ChangeStamp(date: "20261128T010000Z", user: "editor")
        let other = try #require(try postgres.units(fromOrigin: "more").first)
        _ = try postgres.editVariant(of: other, language: .russian, to: Segment(text: "Саммит во Владивостоке закончился 15 декабря."), stamp: stamp)
        #expect(try postgres.deleteUnits([id], stamp: stamp) == [id])
        #expect(try follower.lookup(query, from: .english, to: .russian).allSatisfy { $0.unitID != id })
        #expect(try follower.lookup("The summit in Vladivostok ended on December 15.", from: .english, to: .russian).first?.target
                == "Саммит во Владивостоке закончился 15 декабря.")
        #expect(try replica.history(of: other).map(\.text) == ["Саммит во Владивостоке завершился 15 декабря."])
        #expect(try replica.unit(id) == nil)
        // a deleted unit's id is never given again
        let next = try replica.add([unit((.english, "A new unit."), (.russian, "Новая единица."))])
        #expect(next.added == 1)
        #expect(try replica.allUnits().map(\.id).max()! > id)
    }

    @Test func aFailedImportLeavesTheDatabaseAsItWas() throws {
        let postgres = try Self.stores().postgres
        let before = try postgres.exportedTMX()
        // 1,500 good units (more than one batch is sent before the error) and then a broken file
        var lines = ["en\tru"]
        for number in 0..<1_500 { lines.append("Sentence number \(number).\tПредложение номер \(number).") }
        let good = Scratch.file("good.tsv", lines.joined(separator: "\n"))
        let broken = Scratch.file("broken.tmx", "<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"en\"><seg>a</seg></tuv>")
        #expect(throws: MemoryError.self) {
            try postgres.importUnits(from: [ImportSource(origin: "good", reader: try UnitReaders.open(path: good)),
                                            ImportSource(origin: "broken", reader: try UnitReaders.open(path: broken))])
        }
        #expect(try postgres.exportedTMX() == before)
        #expect(try postgres.statistics().origins.map(\.path) == ["seed", "more"])
    }

    @Test func writersInTwoProcessesTakeTurnsAndEveryUnitLands() throws {
        let address = try TestDatabase.make()
        let first = try PostgresStore(address: address), second = try PostgresStore(address: address)
        try withThrowingTaskGroupSync(count: 2) { writer in
            let store = writer == 0 ? first : second
            let index = try FuzzyIndex(memory: store)
            for batch in 0..<10 {
                try store.add((0..<50).map { n in
                    unit((.english, "Writer \(writer) batch \(batch) sentence \(n)."), (.russian, "Писатель \(writer) партия \(batch) фраза \(n)."))
                })
                try index.update()
            }
        }
        #expect(try first.unitCount() == 1_000)
        let ids = try first.allUnits().map(\.id.rawValue)
        #expect(ids == Array(1...1_000))
        // whichever index was saved last is whole: a third process finds every unit from it
        let third = try Matcher(memory: try PostgresStore(address: address, create: false))
        for writer in 0..<2 {
            #expect(try third.lookup("Writer \(writer) batch 9 sentence 49.", from: .english, to: .russian).first?.score == 100)
        }
    }

    @Test func aStoreOpensAtMostSixteenConnectionsHoweverManyCallsWait() throws {
        let postgres = try Self.stores().postgres
        let peak = Locked(0), finished = Locked(0)
        try withThrowingTaskGroupSync(count: 41) { worker in
            if worker == 40 {
                // meanwhile, count the database's connections as PostgreSQL sees them — the store's,
                // not this loop's: the backend of the psql before may still be on its way out
                let query = """
                    SELECT count(*) FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name <> 'psql'
                    """
                while finished.withLock({ $0 }) < 40 {
                    let open = Int(try TestDatabase.psql(postgres.address, query)) ?? 0
                    peak.withLock { $0 = max($0, open) }
                }
                return
            }
            defer { finished.withLock { $0 += 1 } }
            for _ in 0..<20 { _ = try postgres.statistics() }  // several statements on one connection each
        }
        #expect(peak.withLock { $0 } > 1)
        #expect(peak.withLock { $0 } <= 16)
    }

    @Test func theStoredGlossaryRoundTrips() throws {
        let store = try PostgresStore(address: try TestDatabase.make())
        #expect(try store.saveGlossaryRecords([GlossaryRecord(id: "abe", document: "{\"en\":\"Abe\"}"), GlossaryRecord(id: "putin", document: "{}")]) == 2)
        #expect(try store.saveGlossaryRecords([GlossaryRecord(id: "abe", document: "{\"en\":\"Shinzo Abe\"}")]) == 0)
        #expect(try store.glossaryRecords() == [GlossaryRecord(id: "abe", document: "{\"en\":\"Shinzo Abe\"}"), GlossaryRecord(id: "putin", document: "{}")])
    }

    @Test func openingSaysWhatIsWrongWithoutThePassword() throws {
        let address = try TestDatabase.make()
        #expect(throws: MemoryError.missing(path: address.description)) { try PostgresStore(address: address, create: false) }
        try TestDatabase.psql(address, "CREATE TABLE customers(id int)")
        #expect(throws: MemoryError.notAMemory(path: address.description, isSQLite: false)) { try PostgresStore(address: address) }
        // a newer Kioku's schema is neither read nor written
        let newer = try TestDatabase.make()
        _ = try PostgresStore(address: newer)
        try TestDatabase.psql(newer, "INSERT INTO kioku_migration(identifier) VALUES ('v99-from-the-future')")
        #expect(throws: MemoryError.newerFormat(path: newer.description)) { try PostgresStore(address: newer) }
        // nobody listening: unreachable, and the password appears nowhere
        var closed = address
        closed.port = 1
        closed.password = "hunter2"
        do {
            _ = try PostgresStore(address: closed, connectTimeout: .seconds(2))
            Issue.record("opened a store on a closed port")
        } catch {
            guard case .unreachable = error else { Issue.record("\(error)"); return }
            #expect(!error.description.contains("hunter2"))
        }
    }
}

/// Runs `body(0..<count)` on `count` threads of their own, all at once, and rethrows the first error.
func withThrowingTaskGroupSync(count: Int, _ body: @escaping @Sendable (Int) throws -> Void) throws {
    let errors = Locked<[any Error]>([])
    let done = DispatchGroup()
    for n in 0..<count {
        done.enter()
        Thread {
            do { try body(n) } catch { errors.withLock { $0.append(error) } }
            done.leave()
        }.start()
    }
    done.wait()
    if let first = errors.withLock({ $0.first }) { throw first }
}

/// A value behind a lock, for the threads above.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
