import Foundation
import Testing
import KiokuTestSupport

/// A TM is its file plus, while a program has it open or after a crash, its write-ahead log
/// (`T.kioku-wal`). Users copy and restore files: a copy without the log is the TM as of its
/// last checkpoint, sound; a log left beside a restored older file does not belong to it:
/// SQLite applies it, `kioku verify` must find the damage, and reads must answer only from
/// what is intact.
@Suite struct WriteAheadLogTests {
    /// A seed TM (25 units) and a copy of it taken then, after which 2,000 more units landed.
    func grownTM() throws -> (tm: String, backup: String) {
        let tm = Scratch.tmPath()
        #expect(try KiokuProcess.run(["import", Repository.sample("seed-summit.tmx"), "--tm", tm]).status == 0)
        let backup = Scratch.path("backup.kioku")
        try FileManager.default.copyItem(atPath: tm, toPath: backup)
        let rows = (0..<2_000).map { "Talks in round \($0) on fishing near Sakhalin went on late.\tПереговоры в раунде \($0) о рыболовстве у Сахалина затянулись." }
        let more = Scratch.file("more.tsv", "en\tru\n" + rows.joined(separator: "\n") + "\n")
        #expect(try KiokuProcess.run(["import", more, "--tm", tm]).status == 0)
        return (tm, backup)
    }

    /// Writes through the sqlite3 shell (a table of its own, a page per variant: any program's
    /// write looks the same to the log), and copies the TM's files while the shell still holds
    /// the write in the log (it folds the log into the file on exit).
    func copiesWhileTheLogHoldsAWrite(_ tm: String) throws -> (fileAlone: String, log: String) {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = [tm]
        let input = Pipe(), output = Pipe()
        shell.standardInput = input
        shell.standardOutput = output
        try shell.run()
        input.fileHandleForWriting.write(Data("PRAGMA wal_autocheckpoint = 0;\nCREATE TABLE scratch(x); INSERT INTO scratch SELECT randomblob(16000) FROM variant;\nSELECT 'written';\n".utf8))
        var printed = ""
        while !printed.contains("written") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        let fileAlone = Scratch.path("copy.kioku"), log = Scratch.path("log.kioku-wal")
        try FileManager.default.copyItem(atPath: tm, toPath: fileAlone)
        try FileManager.default.copyItem(atPath: tm + "-wal", toPath: log)
        try input.fileHandleForWriting.close()
        shell.waitUntilExit()
        return (fileAlone, log)
    }

    @Test func aCopyWithoutItsLogIsTheTMAsOfItsLastCheckpoint() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { throw SQLiteShell.Failure.notInstalled }
        let (tm, _) = try grownTM()
        let (fileAlone, _) = try copiesWhileTheLogHoldsAWrite(tm)
        let verify = try KiokuProcess.run(["verify", "--tm", fileAlone])
        #expect(verify.status == 0 && verify.output.hasSuffix("The TM is sound.\n"), "\(verify.output)\(verify.errors)")
        #expect(try KiokuProcess.run(["stats", "--tm", fileAlone]).output.contains(": 2,025 units"))
    }

    @Test func aLogBesideARestoredOlderFileIsFoundByVerify() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { throw SQLiteShell.Failure.notInstalled }
        let (tm, backup) = try grownTM()
        let (_, log) = try copiesWhileTheLogHoldsAWrite(tm)
        // The user restores yesterday's file, and today's log is still beside it.
        try FileManager.default.copyItem(atPath: log, toPath: backup + "-wal")
        let verify = try KiokuProcess.run(["verify", "--tm", backup])
        #expect(verify.status == 1, "\(verify.output)\(verify.errors)")
        #expect(verify.output.contains("The TM file is damaged. Restore it from a backup"), "\(verify.output)")
        // Reads answer from what is intact — the restored file's 25 units, each text checked
        // against its stored hash — and never from the other state's pages.
        #expect(try KiokuProcess.run(["stats", "--tm", backup]).output.contains(": 25 units"))
        let lookup = try KiokuProcess.run(["lookup", "Moscow and Tokyo have still not signed a peace treaty following the end of World War II.",
                                           "--tm", backup, "--src", "en", "--tgt", "ru", "--max", "1"])
        #expect(lookup.status == 0 && lookup.output.hasPrefix("100%") && lookup.output.contains("Москва и Токио"), "\(lookup.output)\(lookup.errors)")
    }
}
