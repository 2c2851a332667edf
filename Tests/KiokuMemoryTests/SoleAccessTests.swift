import Foundation
import Testing
import KiokuTestSupport
import KiokuFormats
import KiokuText
@testable import KiokuMemory

/// `withSoleAccess`: a bulk load with the TM to itself writes through SQLite's rollback journal
/// (each new page once), stays all or nothing, and leaves the TM in WAL mode for the readers
/// and servers that come after it; with anyone else on the TM it changes nothing.
@Suite struct SoleAccessTests {
    func line(_ number: Int) -> TranslationUnit { unit((.english, "Line \(number) of the summit notes"), (.russian, "Строка \(number) заметок о саммите")) }

    func journalMode(_ tm: TranslationMemory) throws -> String {
        try tm.database.writeWithoutTransaction { try String.fetchOne($0, sql: "PRAGMA journal_mode") ?? "" }
    }

    func synchronous(_ tm: TranslationMemory) throws -> Int {
        try tm.database.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") ?? -1 }
    }

    func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    @Test func aBulkLoadAloneWritesThroughTheRollbackJournalAndLeavesWALModeBehind() throws {
        let path = Scratch.tmPath()
        let tm = try TranslationMemory(path: path)
        _ = try tm.add((0..<10).map(line))
        #expect(try journalMode(tm) == "wal")
        let report = try tm.withSoleAccess { () throws(MemoryError) -> ImportReport in
            #expect((try? journalMode(tm)) == "delete")
            #expect((try? synchronous(tm)) == 2)  // FULL: NORMAL is crash-safe in WAL mode only
            return try tm.add((10..<2_010).map(line))
        }
        #expect(report.added == 2_000)
        #expect(try journalMode(tm) == "wal")
        #expect(try synchronous(tm) == 1)
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
        // another program opening the TM now finds everything, in WAL mode
        let other = try TranslationMemory(path: path)
        #expect(try other.unitCount() == 2_010)
        #expect(try journalMode(other) == "wal")
        #expect(try other.integrityProblems().isEmpty)
    }

    @Test func anotherConnectionOnTheTMKeepsItInWALMode() throws {
        let path = Scratch.tmPath()
        let tm = try TranslationMemory(path: path)
        _ = try tm.add((0..<10).map(line))
        let server = try TranslationMemory(path: path)  // as a running `kioku serve` would
        #expect(try server.unitCount() == 10)
        try tm.withSoleAccess { () throws(MemoryError) in
            #expect((try? journalMode(tm)) == "wal")
            _ = try tm.add((10..<110).map(line))
            // the server's reads go on beside the import, as in any write
            #expect((try? server.unitCount()) == 110)
        }
        #expect(try journalMode(tm) == "wal")
        #expect(try server.unitCount() == 110)
    }

    @Test func aFailedBulkLoadWhosePagesReachedTheFileIsRolledBack() throws {
        let path = Scratch.tmPath()
        let tm = try TranslationMemory(path: path)
        _ = try tm.add((0..<100).map(line))
        try tm.checkpoint()
        let before = try tm.exportedTMX()
        let sizeBefore = fileSize(path)
        // A tiny cache: the import's pages are spilled into the file itself long before the
        // end, where the truncated file fails it; only the journal can undo them.
        try tm.database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA cache_size = -64") }
        var largestSize = 0
        let big = Scratch.file("big.tsv", "en\tru\n" + (0..<5_000).map { "New line \($0) on fishing quotas\tНовая строка \($0) о квотах на вылов\n" }.joined())
        #expect(throws: MemoryError.self) {
            try tm.withSoleAccess { () throws(MemoryError) in
                let options = ImportOptions(inserted: { _, _ in largestSize = max(largestSize, fileSize(path)) })
                do { _ = try tm.importFiles([big, Repository.formatsFixture("truncated.tmx")], options: options) }
                catch let error as MemoryError { throw error } catch { Issue.record("\(error)") }
            }
        }
        #expect(largestSize > sizeBefore, "the import's pages were not written into the file before it failed")
        #expect(fileSize(path) == sizeBefore)
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
        #expect(try journalMode(tm) == "wal")
        #expect(try tm.exportedTMX() == before)
        #expect(try tm.integrityProblems().isEmpty)
        // and the TM takes the next import as usual
        try tm.database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA cache_size = -\(SQLiteWriter.usualCacheKiB)") }
        #expect(try tm.importFiles([big]).added == 5_000)
    }
}
