import Foundation
import Testing
import KiokuFormats
import KiokuMemory
import KiokuPostgres
import KiokuTestSupport
import KiokuText

/// `kioku copy` between an SQLite file and PostgreSQL, both ways: nothing lost, nothing changed.
@Suite(.enabled(if: TestDatabase.enabled, "no PostgreSQL server (scripts/test.sh starts one)"), .serialized)
struct CopyTests {
    /// A file TM with everything a copy must carry: two origins, deleted and edited units
    /// (ids with gaps, a history), metadata and a stored glossary.
    static func richMemory() throws -> TranslationMemory {
        let tm = try TranslationMemory.seed()
        let more = Scratch.file("more.tsv", """
            en\tru
            Tokyo is the capital of Japan.\tТокио — столица Японии.
            Moscow is the capital of Russia.\tМосква — столица России.
            """)
        _ = try tm.importFiles([more])
        let stamp = ChangeStamp(date: "20261128T020000Z", user: "editor")
        _ = try tm.deleteUnits([4, 9], stamp: stamp)
        _ = try tm.editVariant(of: 5, language: .russian, to: Segment(text: "Исправленный текст."), stamp: stamp)
        let glossary = try KiokuProcess.run(["glossary", "import", Repository.glossary("names-and-places.tbx"), "--tm", tm.path])
        #expect(glossary.status == 0, "\(glossary.errors)")
        return tm
    }

    @Test func aCopyToPostgreSQLAndBackChangesNothing() throws {
        let file = try Self.richMemory()
        let database = try PostgresStore(address: try TestDatabase.make())
        let there = try file.copy(to: database)
        #expect(there.units == (try file.unitCount()) && there.revisions == 1 && there.glossaryRecords == 20 && there.origins == 2)
        let back = try TranslationMemory(path: Scratch.path("back.kioku"))
        #expect(try database.copy(to: back) == there)
        for copy in [database as any MemoryStore, back] {
            #expect(try copy.exportedTMX() == file.exportedTMX())
            #expect(try copy.allUnits() == file.allUnits())  // ids, origins and metadata too
            #expect(try copy.history(of: 5) == file.history(of: 5))
            #expect(try copy.glossaryRecords() == file.glossaryRecords())
            #expect(try copy.statistics().origins.map { [$0.path, $0.importedAt] } == file.statistics().origins.map { [$0.path, $0.importedAt] })
        }
        // the copy goes on from the highest id, and a second copy into it is refused untouched
        let added = try database.add([unit((.english, "After the copy."), (.russian, "После копии."))])
        #expect(added.added == 1)
        #expect(try database.allUnits().last!.id > file.allUnits().last!.id)
        let before = try database.exportedTMX()
        #expect(throws: MemoryError.notEmpty(path: database.location, units: try database.unitCount())) { try file.copy(to: database) }
        #expect(try database.exportedTMX() == before)
    }

    @Test func theCommandCopiesBothWaysAndTheCopiesAnswerAlike() throws {
        let file = try Self.richMemory()
        let address = try TestDatabase.make()
        let url = ReplicaTests.url(address)
        let there = try KiokuProcess.run(["copy", file.path, url])
        #expect(there.status == 0, "\(there.errors)")
        #expect(there.output.contains("Copied \(try file.unitCount()) units from \(file.path) to \(address.description)"))
        let backPath = Scratch.path("back.kioku")
        #expect(try KiokuProcess.run(["copy", url, backPath]).status == 0)
        let exports = try [["--tm", file.path], ["--db", url], ["--tm", backPath]].map { option -> String in
            let path = Scratch.path("export-\(UUID().uuidString).tmx")
            #expect(try KiokuProcess.run(["export"] + option + ["--to", path]).status == 0)
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        #expect(exports[1] == exports[0] && exports[2] == exports[0])
        // lookups answer the same on the file and in the database (the copy was indexed)
        let query = ["lookup", "--src", "en", "--tgt", "ru", "--min", "50", "--json", "Abe and Putin met in Vladivostok."]
        let onFile = try KiokuProcess.run(query + ["--tm", file.path]), inDatabase = try KiokuProcess.run(query + ["--db", url])
        #expect(onFile.status == 0 && inDatabase.output == onFile.output, "\(onFile.errors)\(inDatabase.errors)")
        #expect(try PostgresStore(address: address, create: false).revision().indexedThrough == (try file.revision().latestUnit))
        // into a TM that holds units: refused, with advice
        let refused = try KiokuProcess.run(["copy", file.path, url])
        #expect(refused.status != 0 && refused.errors.contains("already holds") && refused.errors.contains("nothing was written"))
    }
}
