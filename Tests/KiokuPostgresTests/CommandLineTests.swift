import Foundation
import Testing
import KiokuPostgres
import KiokuTestSupport

/// The verbs a user runs on a TM file, run on a TM in PostgreSQL with `--db` (or a URL where the
/// TM is an argument), as a user runs them.
@Suite(.enabled(if: TestDatabase.enabled, "no PostgreSQL server (scripts/test.sh starts one)"), .serialized)
struct CommandLineTests {
    @Test func everyVerbWorksOnADatabase() throws {
        let url = ReplicaTests.url(try TestDatabase.make())
        func kioku(_ arguments: [String]) throws -> KiokuProcess.Result {
            let result = try KiokuProcess.run(arguments)
            #expect(result.status == 0, "kioku \(arguments.joined(separator: " ")): \(result.errors)")
            return result
        }
        #expect(try kioku(["import", Repository.sample("seed-summit.tmx"), "--db", url]).output.contains("25 units added"))
        #expect(try kioku(["glossary", "import", Repository.glossary("names-and-places.tbx"), "--db", url]).output.contains("20 new"))
        #expect(try kioku(["glossary", "list", "--tm", url]).output.contains("Абэ"))
        #expect(try kioku(["stats", "--db", url]).output.contains("25 units, 75 segments"))
        let lookup = try kioku(["lookup", "--db", url, "--src", "en", "--tgt", "ru", "--min", "50", "Putin and Abe met in Vladivostok."])
        #expect(lookup.output.contains("The query names:"))  // the glossary stored in the database
        #expect(try kioku(["concordance", "Владивосток", "--db", url, "--lang", "ru"]).output.contains("Владивосток"))
        let damaged = try KiokuProcess.run(["check", Repository.fixture("seed-damaged.tmx", of: "KiokuTermsTests"), "--glossary", Repository.glossary("names-and-places.tbx")])
        #expect(damaged.status == 1)
        #expect(try kioku(["check", url]).output.contains("Checked 25 units: 0 errors"))
        #expect(try kioku(["edit", "--db", url, "--id", "3", "--lang", "ru", "--text", "Новый текст."]).status == 0)
        #expect(try kioku(["show", "--db", url, "--id", "3"]).output.contains("Новый текст."))
        #expect(try kioku(["delete", "--db", url, "--id", "4"]).output.contains("Deleted 1 unit"))
        #expect(try kioku(["verify", "--db", url]).status == 0)
        let exported = Scratch.path("out.tmx")
        #expect(try kioku(["export", "--db", url, "--to", exported]).output.contains("Exported 24 units"))
        // align straight into another database: created, imported and indexed
        let aligned = ReplicaTests.url(try TestDatabase.make())
        _ = try kioku(["align", Repository.sample("seed-summit.en.txt"), Repository.sample("seed-summit.ja.txt"), "--tm", aligned])
        #expect(try kioku(["stats", "--db", aligned]).output.contains("25 units"))
        // a database without a TM gets advice that names --db
        let empty = ReplicaTests.url(try TestDatabase.make())
        let missing = try KiokuProcess.run(["stats", "--db", empty])
        #expect(missing.status != 0 && missing.errors.contains("kioku import FILE --db \(empty)"))
    }
}
