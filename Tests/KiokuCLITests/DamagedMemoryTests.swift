import Foundation
import Testing
import KiokuTestSupport

/// Damaged and foreign TM files, as a user meets them: a clear error (exit 2) or a verify
/// report (exit 1) that says what to do, never a crash and never a silently wrong answer.
@Suite struct DamagedMemoryTests {
    let treaty = "Moscow and Tokyo have still not signed a peace treaty following the end of World War II."

    func seedTM() throws -> String {
        let tm = Scratch.tmPath()
        #expect(try KiokuProcess.run(["import", Repository.sample("seed-summit.tmx"), "--tm", tm]).status == 0)
        return tm
    }

    /// Runs SQL on a TM with the sqlite3 shell; its output.
    @discardableResult
    func sql(_ tm: String, _ statement: String) throws -> String { try SQLiteShell.run(tm, statement) }

    @Test func aSoundTMVerifies() throws {
        let result = try KiokuProcess.run(["verify", "--tm", try seedTM()])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.contains("index: en 25/25, ja 25/25, ru 25/25 variants indexed/stored"))
        #expect(result.output.hasSuffix("The TM is sound.\n"))
    }

    @Test func aTruncatedFileIsDamagedNotACrash() throws {
        let tm = try seedTM()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: tm))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: tm))
        for arguments in [["verify", "--tm", tm], ["lookup", treaty, "--tm", tm, "--src", "en", "--tgt", "ru"], ["stats", "--tm", tm]] {
            let result = try KiokuProcess.run(arguments)
            #expect(result.status == 2, "\(arguments[0]): \(result.errors)")
            #expect(result.errors.contains("damaged") && result.errors.contains("Restore it from a backup"), "\(arguments[0]): \(result.errors)")
        }
    }

    @Test func aChangedTextIsFoundByVerifyAndNeverServed() throws {
        let tm = try seedTM()
        // One letter of a stored translation changed behind Kioku's back (a flipped bit would do the same).
        try sql(tm, "UPDATE variant SET text = replace(text, 'Москва и Токио', 'Моснва и Токио') WHERE text LIKE 'Москва и Токио до сих пор%'")
        let verify = try KiokuProcess.run(["verify", "--tm", tm])
        #expect(verify.status == 1)
        #expect(verify.output.contains("its text is not what was stored") && verify.output.contains("The TM file is damaged"), "\(verify.output)")
        let lookup = try KiokuProcess.run(["lookup", treaty, "--tm", tm, "--src", "en", "--tgt", "ru"])
        #expect(lookup.status == 2)
        #expect(!lookup.output.contains("Моснва"))
        #expect(lookup.errors.contains("is not what was stored (its checksum differs)"), "\(lookup.errors)")
    }

    /// A vocabulary id no index can hold (beyond 32 bits, or negative) is damage reported as
    /// such, with the way out: it stopped the process before.
    @Test(arguments: ["4294967296", "-5"]) func aVocabularyIdOutOfRangeIsADamagedIndex(id: String) throws {
        let tm = try seedTM()
        try sql(tm, "UPDATE fuzzy_token SET id = \(id) WHERE lang = 'ru' AND token = (SELECT min(token) FROM fuzzy_token WHERE lang = 'ru')")
        let lookup = try KiokuProcess.run(["lookup", "Москва и Токио", "--tm", tm, "--src", "ru", "--tgt", "en"])
        #expect(lookup.status == 2 && lookup.errors.contains("kioku reindex --tm"), "\(lookup.status) \(lookup.errors)")
        #expect(try KiokuProcess.run(["reindex", "--tm", tm]).status == 0)
        #expect(try KiokuProcess.run(["lookup", "Москва и Токио", "--tm", tm, "--src", "ru", "--tgt", "en"]).status == 0)
    }

    @Test func aDamagedIndexIsFoundAndReindexRepairsIt() throws {
        let tm = try seedTM()
        try sql(tm, "UPDATE fuzzy_chunk SET data = x'0102030405' WHERE lang = 'ru'")
        let verify = try KiokuProcess.run(["verify", "--tm", tm])
        #expect(verify.status == 1)
        #expect(verify.output.contains("the ru index data cannot be read (damaged)") && verify.output.contains("kioku reindex --tm"), "\(verify.output)")
        let lookup = try KiokuProcess.run(["lookup", "Москва и Токио", "--tm", tm, "--src", "ru", "--tgt", "en"])
        #expect(lookup.status == 2 && lookup.errors.contains("kioku reindex --tm"), "\(lookup.errors)")
        let reindex = try KiokuProcess.run(["reindex", "--tm", tm])
        #expect(reindex.status == 0 && reindex.output.contains("75 segments"), "\(reindex.output)\(reindex.errors)")
        #expect(try KiokuProcess.run(["verify", "--tm", tm]).status == 0)
        #expect(try KiokuProcess.run(["lookup", "Москва и Токио до сих пор не подписали мирный договор после окончания Второй мировой войны.", "--tm", tm, "--src", "ru", "--tgt", "en"]).output.contains("Moscow and Tokyo have still not signed"))
    }

    @Test func aTMFromANewerKiokuIsNeitherReadNorWritten() throws {
        let tm = try seedTM()
        try sql(tm, "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')")
        let before = try sql(tm, ".dump")
        for arguments in [["stats", "--tm", tm], ["import", Repository.sample("seed-summit.tsv"), "--tm", tm], ["verify", "--tm", tm]] {
            let result = try KiokuProcess.run(arguments)
            #expect(result.status == 2, "\(arguments[0])")
            #expect(result.errors.contains("written by a newer Kioku"), "\(result.errors)")
        }
        #expect(try sql(tm, ".dump") == before)  // every table as it was
    }
}
