import Foundation
import Testing

/// The `kioku check` exit status gates pipelines: 0 clean, 1 errors, 2 bad input.
@Suite struct CLITests {
    /// The `kioku` binary built next to the test bundle.
    static var kioku: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("kioku").path), directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("kioku")
    }

    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = Self.kioku
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func checkExitStatus() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.kioku.path), "build the kioku product first")
        let glossary = Files.bundled("glossaries/names-and-places.tbx")
        let clean = try run(["check", Files.bundled("memories/seed-summit.tmx"), "--glossary", glossary])
        #expect(clean.status == 0, "\(clean.output)")
        #expect(clean.output.contains("0 errors"))
        let damaged = try run(["check", Files.fixture("seed-damaged.tmx"), "--glossary", glossary, "--json"])
        #expect(damaged.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(damaged.output.utf8)) as? [String: Any]
        #expect(report?["errors"] as? Int == 5)
        let bad = try run(["check", Files.scratch("broken.tmx", "<tmx version=\"1.4\"><body><tu>"), "--glossary", glossary])
        #expect(bad.status == 2)
        #expect(bad.output.contains("broken.tmx:1"))
        let missingGlossary = try run(["check", Files.bundled("memories/seed-summit.tmx"), "--glossary", "/nonexistent.tbx"])
        #expect(missingGlossary.status == 2)
    }

    @Test func importRejectsWhatTheGlossaryForbids() throws {
        let tm = Files.scratch("tm.kioku")
        let result = try run(["import", Files.fixture("seed-damaged.tmx"), "--tm", tm,
                              "--glossary", Files.bundled("glossaries/names-and-places.tbx"), "--enforce", "reject"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("5 units kept out by the glossary"))
        #expect(result.output.contains("20 units added"))
    }
}
