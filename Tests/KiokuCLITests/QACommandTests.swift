import Foundation
import Testing
import KiokuTestSupport

/// `kioku qa` as a TM manager runs it: a report per kind, JSON for tools, and an exit status
/// a script can act on.
@Suite struct QACommandTests {
    @Test func theSeedMemoryIsCleanAndAPlantedProblemIsReported() throws {
        let tm = Scratch.tmPath()
        #expect(try KiokuProcess.run(["import", Repository.sample("seed-summit.tmx"), "--tm", tm]).status == 0)
        let clean = try KiokuProcess.run(["qa", "--tm", tm])
        #expect(clean.status == 0, "\(clean.output)\(clean.errors)")
        #expect(clean.output.contains("25 units") && clean.output.hasSuffix("Nothing found.\n"), "\(clean.output)")

        let planted = Scratch.file("planted.tsv", "en\tru\nThe treaty of 1956 was never signed.\tДоговор 1965 года так и не подписали.\nThe talks went on.\tThe talks went on.\n")
        #expect(try KiokuProcess.run(["import", planted, "--tm", tm]).status == 0)
        let report = try KiokuProcess.run(["qa", "--tm", tm])
        #expect(report.status == 1)
        #expect(report.output.contains("  numbers   1") && report.output.contains("  identical 1"), "\(report.output)")
        #expect(report.output.contains("en has 1956, ru has 1965"))
        let json = try KiokuProcess.run(["qa", "--tm", tm, "--json", "--kinds", "numbers"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 1 && findings[0]["kind"] as? String == "numbers")
        let wrong = try KiokuProcess.run(["qa", "--tm", tm, "--kinds", "numbers,typos"])
        #expect(wrong.status != 0 && wrong.errors.contains("no QA kind \"typos\""), "\(wrong.errors)")
    }

    /// `--fix` acts on the chosen kinds only, in one transaction: delete takes the units away
    /// (of a conflict, all but the unit changed last), flag marks them for a reviewer.
    @Test func fixesActOnTheChosenKindsOnly() throws {
        let tm = Scratch.tmPath()
        #expect(try KiokuProcess.run(["import", Repository.sample("seed-summit.tmx"), "--tm", tm]).status == 0)
        let planted = Scratch.file("planted.tsv", "en\tru\nThe treaty of 1956 was never signed.\tДоговор 1965 года так и не подписали.\nThe talks went on.\tThe talks went on.\n")
        #expect(try KiokuProcess.run(["import", planted, "--tm", tm]).status == 0)
        let conflict = Scratch.file("conflict.tmx", """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="test" creationtoolversion="1" o-tmf="test"/>
            <body>
            <tu changedate="20250101T000000Z"><tuv xml:lang="en"><seg>The forum closed on Sunday.</seg></tuv><tuv xml:lang="ru"><seg>Форум закрылся в воскресенье.</seg></tuv></tu>
            <tu changedate="20240101T000000Z"><tuv xml:lang="en"><seg>The forum closed on Sunday.</seg></tuv><tuv xml:lang="ru"><seg>Форум завершился в воскресенье.</seg></tuv></tu>
            </body></tmx>
            """)
        #expect(try KiokuProcess.run(["import", conflict, "--tm", tm]).status == 0)
        let refused = try KiokuProcess.run(["qa", "--tm", tm, "--fix", "delete"])
        #expect(refused.status != 0 && refused.errors.contains("--fix needs --kinds"), "\(refused.errors)")

        let flagged = try KiokuProcess.run(["qa", "--tm", tm, "--kinds", "numbers", "--fix", "flag"])
        #expect(flagged.status == 0 && flagged.output.contains("Flagged (x-kioku-flag) 1 unit: 26"), "\(flagged.output)")
        #expect(try KiokuProcess.run(["show", "--tm", tm, "--id", "26"]).output.contains("x-kioku-flag: qa numbers: en has 1956, ru has 1965"))

        let deleted = try KiokuProcess.run(["qa", "--tm", tm, "--kinds", "identical,conflict", "--fix", "delete", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(deleted.output.utf8)) as? [String: Any])
        #expect((object["fixed"] as? [String: Any])?["units"] as? [Int] == [27, 29], "\(deleted.output)")  // the older of the conflict goes
        #expect(try KiokuProcess.run(["show", "--tm", tm, "--id", "28"]).output.contains("Форум закрылся в воскресенье."))
        let after = try KiokuProcess.run(["qa", "--tm", tm])
        #expect(after.output.contains("  numbers   1") && after.output.contains("  identical 0") && after.output.contains("  conflict  0"), "\(after.output)")
    }
}
