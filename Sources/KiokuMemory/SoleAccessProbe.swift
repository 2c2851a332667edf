import Foundation
import GRDBSQLite

/// Tells, before a TM is opened, whether another program has it to itself while it fills it
/// (``TranslationMemory/withSoleAccess(_:)``: the TM then runs on SQLite's rollback journal,
/// and the importer's write lock lasts its whole transaction — minutes for millions of units).
///
/// Opening such a TM waits for that lock: SQLite's pool puts the file back into WAL mode
/// first, which needs the file alone. Without this probe, `kioku stats` waited its full
/// 30 s before saying the TM was busy. A TM at rest is always in WAL mode, so the probe
/// costs reading its header, and up to a second only when the header says rollback journal.
enum SoleAccessProbe {
    /// How long the probe waits for the file: longer than any short hold of a rollback-journal
    /// TM (another program's probe, or a crashed import's journal being rolled back).
    static let patienceMilliseconds: Int32 = 1_000

    /// Whether another program holds a lock on the SQLite file at `path`, whose header says it
    /// runs on the rollback journal: its write lock, or a read of its own (the importer indexing
    /// what it stored). The probe asks for what the open needs, the file alone. False when no
    /// one holds it, or the file is not in that mode (WAL, not SQLite, unreadable): the usual
    /// open then decides.
    static func isFilledByAnotherProgram(path: String) -> Bool {
        // Not a `-journal` beside a WAL header: a TM in WAL mode may have a writer (a server)
        // whose write the probe would take for a fill. (Only while an importer switches the TM
        // to the journal, a moment, does its header still say WAL; an open then waits as before.)
        guard usesRollbackJournal(path: path) else { return false }
        var opened: OpaquePointer?
        defer { sqlite3_close_v2(opened) }
        guard sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let handle = opened
        else { return false }
        sqlite3_busy_timeout(handle, patienceMilliseconds)
        // A hot journal a killed import left is rolled back here, as any first read would.
        let code = sqlite3_exec(handle, "BEGIN EXCLUSIVE", nil, nil, nil)
        if code == SQLITE_OK { sqlite3_exec(handle, "ROLLBACK", nil, nil, nil) }
        return code == SQLITE_BUSY || code == SQLITE_LOCKED
    }

    /// Whether the file starts with an SQLite header whose write version is 1 (the rollback
    /// journal; 2 is WAL).
    static func usesRollbackJournal(path: String) -> Bool {
        guard let file = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? file.close() }
        guard let header = try? file.read(upToCount: 20), header.count == 20 else { return false }
        return header.prefix(16).elementsEqual("SQLite format 3\0".utf8) && header[18] == 1
    }
}
