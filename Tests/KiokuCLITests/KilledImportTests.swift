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

    /// Whether the SQLite header's write version says rollback journal (1; WAL is 2). While an
    /// import switches the TM from WAL, a journal exists for a moment under a WAL header.
    static func onRollbackJournal(_ tm: String) -> Bool {
        guard let file = FileHandle(forReadingAtPath: tm), let header = try? file.read(upToCount: 20) else { return false }
        try? file.close()
        return header.count == 20 && header[18] == 1
    }

    @Test func anImportKilledWhileItsPagesReachTheFileIsRolledBackAtTheNextOpen() throws {
        let tm = Scratch.tmPath()
        // Past the bulk-load size: the hash index is built again at the end with a small cache,
        // which spills the import's pages into the file before the commit.
        let count = 60_000
        let corpus = Scratch.file("many.tsv", "en\tru\n" + (0..<count).map {
            "Delegation \($0) discussed fishing quotas near the Kuril Islands.\tДелегация \($0) обсудила квоты на вылов у Курильских островов.\n"
        }.joined())
        // The TM is made empty first, so its size before the import is known: any page of the
        // import's that reaches the file grows it, while the journal that can undo it exists.
        // (Watching for growth between two sightings of the journal missed the short window of a
        // 60,000-unit import now and then when the machine was busy.)
        let header = Scratch.file("header.tsv", "en\tru\n")
        #expect(try KiokuProcess.run(["import", header, "--tm", tm]).status == 0)
        let emptySize = Scratch.size(of: tm)
        let process = try KiokuProcess.start(["import", corpus, "--tm", tm])
        let journal = tm + "-journal"
        var stopped = false
        while process.isRunning {
            // the TM on the rollback journal (its header says so), grown by the import's pages
            if FileManager.default.fileExists(atPath: journal), Scratch.size(of: tm) > emptySize, Self.onRollbackJournal(tm) {
                kill(process.processIdentifier, SIGSTOP)
                // it stops once it is out of the kernel (an fsync, say), perhaps past its commit
                while process.isRunning, ProcFile.state(of: process.processIdentifier) != "T" { usleep(100) }
                // stopped inside a transaction when its journal is still there; else go on watching
                if FileManager.default.fileExists(atPath: journal) {
                    stopped = true
                    break
                }
                kill(process.processIdentifier, SIGCONT)
            }
            usleep(200)
        }
        if stopped {
            // Meanwhile another program cannot open the TM, and says why at once (it waited out
            // SQLite's 30 s write lock timeout before).
            let stats = try KiokuProcess.run(["stats", "--tm", tm])
            #expect(stats.status == 2 && stats.errors.contains("another program is filling the translation memory") && stats.errors.contains("try again"), "\(stats.output)\(stats.errors)")
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
