import Foundation
import Testing
import KiokuTestSupport

/// `kioku check` and `kioku import --enforce`, through the built binary: the exit status
/// gates pipelines (0 clean, 1 errors, 2 bad input).
@Suite struct CheckCommandTests {
    let glossary = Repository.glossary("names-and-places.tbx")
    let damaged = Repository.fixture("seed-damaged.tmx", of: "KiokuTermsTests")

    @Test func checkExitStatus() throws {
        #expect(FileManager.default.isExecutableFile(atPath: KiokuProcess.binary.path), "build the kioku product first")
        let clean = try KiokuProcess.run(["check", Repository.sample("seed-summit.tmx"), "--glossary", glossary])
        #expect(clean.status == 0, "\(clean.output)")
        #expect(clean.output.contains("0 errors"))
        let found = try KiokuProcess.run(["check", damaged, "--glossary", glossary, "--json"])
        #expect(found.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(found.output.utf8)) as? [String: Any]
        #expect(report?["errors"] as? Int == 5)
        let bad = try KiokuProcess.run(["check", Scratch.file("broken.tmx", "<tmx version=\"1.4\"><body><tu>"), "--glossary", glossary])
        #expect(bad.status == 2)
        #expect(bad.errors.contains("broken.tmx:1"))
        let missingGlossary = try KiokuProcess.run(["check", Repository.sample("seed-summit.tmx"), "--glossary", "/nonexistent.tbx"])
        #expect(missingGlossary.status == 2)
    }

    @Test func importRejectsWhatTheGlossaryForbids() throws {
        let result = try KiokuProcess.run(["import", damaged, "--tm", Scratch.tmPath(), "--glossary", glossary, "--enforce", "reject"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("5 units kept out by the glossary"))
        #expect(result.output.contains("20 units added"))
    }
}
