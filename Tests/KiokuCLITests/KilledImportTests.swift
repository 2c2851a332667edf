import Foundation
import Testing
import KiokuTestSupport

/// `kioku import` into a new TM, with the file to itself, writes through SQLite's rollback
/// journal: pages of the unfinished import reach the file itself, and only the journal can undo
/// them. Killed with SIGKILL just then, the import must be all or nothing at the next open, the
/// TM sound. (`scripts/crash-trials.sh import` kills imports of 1M units at random moments.)
@Suite struct KilledImportTests {
    func units(_ tm: String) throws -> Int? {
        let stats = try KiokuProcess.run(["stats", "--tm", tm, "--json"])
        return (try JSONSerialization.jsonObject(with: Data(stats.output.utf8)) as? [String: Any])?["units"] as? Int
    }

    @Test func anImportKilledWhileItsPagesReachTheFileIsRolledBackAtTheNextOpen() throws {
        let tm = Scratch.tmPath()
        // Past the bulk-load size: the hash index is built again at the end with a small cache,
        // which spills the import's pages into the file before the commit.
        let count = 60_000
        let corpus = Scratch.file("many.tsv", "en\tru\n" + (0..<count).map {
            "Delegation \($0) discussed fishing quotas near the Kuril Islands.\tДелегация \($0) обсудила квоты на вылов у Курильских островов.\n"
        }.joined())
        let process = try KiokuProcess.start(["import", corpus, "--tm", tm])
        var sizeAtFirstWrite: Int?
        var stopped = false
        while process.isRunning {
            if FileManager.default.fileExists(atPath: tm + "-journal") {
                let size = Scratch.size(of: tm)
                if let first = sizeAtFirstWrite, size > first {
                    kill(process.processIdentifier, SIGSTOP)
                    stopped = true
                    break
                }
                if sizeAtFirstWrite == nil { sizeAtFirstWrite = size }
            }
            usleep(200)
        }
        if stopped {
            // Meanwhile another program cannot open the TM, and says why.
            let stats = try KiokuProcess.run(["stats", "--tm", tm])
            #expect(stats.status == 2 && stats.errors.contains("another program is writing to the translation memory"), "\(stats.output)\(stats.errors)")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        let found = try units(tm)
        // Killed inside the import's transaction: an empty TM; inside the indexing that follows
        // its commit, or too late to catch: all of the units. Nothing between.
        #expect(found == 0 || found == count, "\(found.map(String.init) ?? "no count") units")
        #expect(!FileManager.default.fileExists(atPath: tm + "-journal"), "the journal left behind was not rolled back")
        let verify = try KiokuProcess.run(["verify", "--tm", tm])
        #expect(verify.status == 0 && verify.output.hasSuffix("The TM is sound.\n"), "\(verify.output)\(verify.errors)")
        // the import can simply be run again
        #expect(try KiokuProcess.run(["import", corpus, "--tm", tm]).status == 0)
        #expect(try units(tm) == count)
        let lookup = try KiokuProcess.run(["lookup", "Delegation 41234 discussed fishing quotas near the Kuril Islands.", "--tm", tm,
                                           "--src", "en", "--tgt", "ru", "--max", "1"])
        #expect(lookup.output.hasPrefix("100%") && lookup.output.contains("Делегация 41234"), "\(lookup.output)\(lookup.errors)")
        #expect(stopped, "the import ended before its pages reached the file; nothing was tested")
    }
}
