import Foundation
import Testing
import KiokuTestSupport

/// `kioku copy` into a new SQLite file, with the file to itself, writes through SQLite's
/// rollback journal as `kioku import` into a new TM does (each page once, not into the
/// write-ahead log and then the file), and leaves a TM like any other: in WAL mode, no journal
/// left, the same units and answers.
@Suite struct CopyIntoNewFileTests {
    @Test func aCopyIntoANewFileGoesThroughTheJournalAndEndsInWALMode() throws {
        let source = Scratch.tmPath()
        let count = 8_000
        let corpus = Scratch.file("copied.tsv", "en\tru\n" + (0..<count).map {
            "Talks \($0) on a peace treaty resumed in Moscow.\tПереговоры \($0) о мирном договоре возобновились в Москве.\n"
        }.joined())
        #expect(try KiokuProcess.run(["import", corpus, "--tm", source]).status == 0)
        let target = Scratch.path("copy-\(UUID().uuidString).kioku")
        let output = Pipe()
        let process = try KiokuProcess.start(["copy", source, target], output: output)
        // A new file is created in rollback mode, then set to WAL mode (a journal comes and goes
        // while the file is still small) and given its schema through the log (0.6 MB of pages);
        // the copy's units must then go through a journal too, and the log must never hold them
        // (3.5 MB of them did before).
        var sawJournalWithUnits = false, largestLog = 0
        while process.isRunning {
            if FileManager.default.fileExists(atPath: target + "-journal"), Scratch.size(of: target) > 1 << 19 { sawJournalWithUnits = true }
            largestLog = max(largestLog, Scratch.size(of: target + "-wal"))
            usleep(200)
        }
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0 && printed.contains("Copied 8,000 units"), "\(printed)")
        #expect(sawJournalWithUnits, "the copy never wrote its units through the rollback journal")
        #expect(largestLog < 3 << 19, "the copy wrote \(largestLog) bytes through the write-ahead log")
        #expect(!FileManager.default.fileExists(atPath: target + "-journal"))
        #expect(try SQLiteShell.run(target, "PRAGMA journal_mode;").trimmingCharacters(in: .whitespacesAndNewlines) == "wal")
        let exports = try [source, target].map { tm -> String in
            let path = Scratch.path("export-\(UUID().uuidString).tmx")
            #expect(try KiokuProcess.run(["export", "--tm", tm, "--to", path]).status == 0)
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        #expect(exports[0] == exports[1])
        let verify = try KiokuProcess.run(["verify", "--tm", target])
        #expect(verify.status == 0 && verify.output.hasSuffix("The TM is sound.\n"), "\(verify.output)\(verify.errors)")
        let lookup = try KiokuProcess.run(["lookup", "Talks 4321 on a peace treaty resumed in Moscow.", "--tm", target,
                                           "--src", "en", "--tgt", "ru", "--max", "1"])
        #expect(lookup.output.hasPrefix("100%") && lookup.output.contains("Переговоры 4321"), "\(lookup.output)\(lookup.errors)")
    }
}
