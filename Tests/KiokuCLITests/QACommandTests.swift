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
}
