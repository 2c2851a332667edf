import Foundation
import Testing
import KiokuTestSupport
import KiokuFormats
import KiokuText
@testable import KiokuMemory

/// `withSoleAccess`: a bulk load into a TM that holds nothing yet, with the file to itself,
/// writes through SQLite's rollback journal (each new page once), stays all or nothing, and
/// leaves the TM in WAL mode for the readers and servers that come after it; on a TM with units,
/// or with anyone else on the TM, it changes nothing.
@Suite struct SoleAccessTests {
    func line(_ number: Int) -> TranslationUnit { unit((.english, "Line \(number) of the summit notes"), (.russian, "Строка \(number) заметок о саммите")) }

    func journalMode(_ tm: TranslationMemory) throws -> String {
        try tm.database.writeWithoutTransaction { try String.fetchOne($0, sql: "PRAGMA journal_mode") ?? "" }
    }

    func synchronous(_ tm: TranslationMemory) throws -> Int {
        try tm.database.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") ?? -1 }
    }

    @Test func aBulkLoadIntoANewTMWritesThroughTheRollbackJournalAndLeavesWALModeBehind() throws {
        let path = Scratch.tmPath()
        let tm = try TranslationMemory(path: path)
        #expect(try journalMode(tm) == "wal")
        var opened: Result<TranslationMemory, MemoryError>?
        let report = try tm.withSoleAccess { () throws(MemoryError) -> ImportReport in
            #expect((try? journalMode(tm)) == "delete")
            #expect((try? synchronous(tm)) == 2)  // FULL: NORMAL is crash-safe in WAL mode only
            let options = ImportOptions(inserted: { id, _ in
                // another program opening the TM in the middle of the import is told at once
                // that the TM is being filled (it waited out the 30 s write lock timeout before)
                if id.rawValue == 1_000 { opened = Result { () throws(MemoryError) in try TranslationMemory(path: path) } }
            })
            return try tm.add((0..<2_000).map(line), options: options)
        }
        #expect(report.added == 2_000)
        if case .failure(let error) = opened { #expect(error == .filling(path: path)) } else { Issue.record("the TM opened during the import") }
        #expect(try journalMode(tm) == "wal")
        #expect(try synchronous(tm) == 1)
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
        // another program opening the TM now finds everything, in WAL mode
        let other = try TranslationMemory(path: path)
        #expect(try other.unitCount() == 2_000)
        #expect(try journalMode(other) == "wal")
        #expect(try other.integrityProblems().isEmpty)
    }

    /// The probe that tells an open at once that the TM is being filled looks at the header
    /// first: a TM at rest (WAL), an empty or foreign file, or a file no one holds never counts.
    @Test func onlyAHeldFileOnTheRollbackJournalIsTakenForOneBeingFilled() throws {
        let path = Scratch.tmPath()
        let tm = try TranslationMemory(path: path)
        _ = try tm.add((0..<10).map(line))
        #expect(!SoleAccessProbe.usesRollbackJournal(path: path))
        #expect(!SoleAccessProbe.isFilledByAnotherProgram(path: path))
        for (name, bytes) in [("empty.kioku", [UInt8]()), ("short.kioku", Array("SQLite format 3".utf8)),
                              ("text.kioku", Array(String(repeating: "not a database ", count: 10).utf8))] {
            #expect(!SoleAccessProbe.usesRollbackJournal(path: Scratch.file(name, bytes)), "\(name)")
        }
        #expect(!SoleAccessProbe.usesRollbackJournal(path: Scratch.path("missing.kioku")))
        // on the journal and held by a write: a fill; let go: not (and the TM opens as usual)
        let filling = try TranslationMemory(path: Scratch.tmPath())
        var duringTheFill: (onJournal: Bool, held: Bool)?
        try filling.withSoleAccess { () throws(MemoryError) in
            let options = ImportOptions(inserted: { id, _ in
                if id.rawValue == 5 {
                    duringTheFill = (SoleAccessProbe.usesRollbackJournal(path: filling.path), SoleAccessProbe.isFilledByAnotherProgram(path: filling.path))
                }
            })
            _ = try filling.add((0..<10).map(line), options: options)
        }
        #expect(duringTheFill?.onJournal == true && duringTheFill?.held == true)
        #expect(!SoleAccessProbe.isFilledByAnotherProgram(path: filling.path))
        #expect(try TranslationMemory(path: filling.path).unitCount() == 10)
    }

    @Test func aTMThatHoldsUnitsKeepsItsLogAndItsReaders() throws {
        let path = Scratch.tmPath()
        let tm = try TranslationMemory(path: path)
        _ = try tm.add((0..<10).map(line))
        var readDuringTheImport: Int?
        try tm.withSoleAccess { () throws(MemoryError) in
            #expect((try? journalMode(tm)) == "wal")
            let options = ImportOptions(inserted: { id, _ in
                // a lookup opened in the middle of the import reads the TM as it was before it
                if id.rawValue == 50 { readDuringTheImport = try? TranslationMemory(path: path).unitCount() }
            })
            _ = try tm.add((10..<110).map(line), options: options)
        }
        #expect(readDuringTheImport == 10)
        #expect(try tm.unitCount() == 110)
    }

    @Test func anotherConnectionOnTheTMKeepsItInWALMode() throws {
        let path = Scratch.tmPath()
        let tm = try TranslationMemory(path: path)
        let server = try TranslationMemory(path: path)  // as a running `kioku serve` would
        #expect(try server.unitCount() == 0)
        try tm.withSoleAccess { () throws(MemoryError) in
            #expect((try? journalMode(tm)) == "wal")
            _ = try tm.add((0..<100).map(line))
            // the server's reads go on beside the import, as in any write
            #expect((try? server.unitCount()) == 100)
        }
        #expect(try journalMode(tm) == "wal")
        #expect(try server.unitCount() == 100)
    }

    @Test func aFailedBulkLoadWhosePagesReachedTheFileIsRolledBack() throws {
        let path = Scratch.tmPath()
        let tm = try TranslationMemory(path: path)
        try tm.checkpoint()
        let before = try tm.exportedTMX()
        let sizeBefore = Scratch.size(of: path)
        // A tiny cache: the import's pages are spilled into the file itself long before the
        // end, where the truncated file fails it; only the journal can undo them.
        try tm.database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA cache_size = -64") }
        var largestSize = 0
        let big = Scratch.file("big.tsv", "en\tru\n" + (0..<5_000).map { "New line \($0) on fishing quotas\tНовая строка \($0) о квотах на вылов\n" }.joined())
        #expect(throws: MemoryError.self) {
            try tm.withSoleAccess { () throws(MemoryError) in
                let options = ImportOptions(inserted: { _, _ in largestSize = max(largestSize, Scratch.size(of: path)) })
                do { _ = try tm.importFiles([big, Repository.formatsFixture("truncated.tmx")], options: options) }
                catch let error as MemoryError { throw error } catch { Issue.record("\(error)") }
            }
        }
        #expect(largestSize > sizeBefore, "the import's pages were not written into the file before it failed")
        #expect(Scratch.size(of: path) == sizeBefore)
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
        #expect(try journalMode(tm) == "wal")
        #expect(try tm.exportedTMX() == before)
        #expect(try tm.integrityProblems().isEmpty)
        // and the TM takes the next import as usual
        try tm.database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA cache_size = -\(SQLiteWriter.usualCacheKiB)") }
        #expect(try tm.importFiles([big]).added == 5_000)
    }

    /// Lookups keep read connections of their own open between lookups; a bulk load into the
    /// same TM, emptied since, closes them first, or the switch to the rollback journal would
    /// find the file shared. Lookups open them again afterwards.
    @Test func theProcesssOwnLookupConnectionsDoNotKeepABulkLoadFromTheRollbackJournal() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        _ = try tm.add((0..<10).map(line))
        let read = try tm.withRankingReader { reader in reader.candidate(VariantKey(unit: 3, position: 0)!)?.text }
        #expect(read == "Line 2 of the summit notes")
        #expect(tm.lookupConnections.withLock { $0.count } == 1)
        _ = try tm.deleteUnits((1...10).map { UnitID(Int64($0)) }, stamp: .now(by: nil))
        try tm.withSoleAccess { () throws(MemoryError) in
            #expect((try? journalMode(tm)) == "delete")
            _ = try tm.add((10..<20).map(line))
        }
        #expect(try journalMode(tm) == "wal")
        let after = try tm.withRankingReader { reader in
            (reader.candidate(VariantKey(unit: 3, position: 0)!)?.text, reader.unit(UnitID(11))?.unit.variants.first?.segment.text)
        }
        #expect(after.0 == nil && after.1 == "Line 10 of the summit notes")
    }
}
