import GRDB
import GRDBSQLite

/// The SQLite store's ``RankingReader``: prepared statements stepped with the C API, since
/// ranking reads dozens of hits per lookup and each read must cost about a microsecond. Made
/// once for each ``SQLiteLookupConnection``, and used again by each of its read transactions.
///
/// A candidate's unit is read whole and kept until the transaction ends: nine in ten of the
/// candidates ranking reads are winners, whose units ``unit(_:)`` is asked for next, and
/// reading them a second time cost 2.5–3.6 % of a lookup.
final class SQLiteRankingReader: RankingReader {
    private let unit: OpaquePointer
    private let wholeUnit: OpaquePointer
    /// The units read in this transaction (nil: no such unit), by id.
    private var readUnits: [UnitID: StoredUnitRows.Finished?] = [:]
    /// How many units this transaction read from the file.
    private(set) var unitReads = 0
    /// The first SQLite error a step met (SQLITE_CORRUPT, an I/O error): the reads answer as
    /// if the row were missing, and the store turns this into an error after ranking, so that
    /// damage never passes for "no such unit".
    private(set) var failure: Int32?
    /// A unit whose content no longer matches its stored hash (the store reports it after ranking).
    private(set) var damagedUnit: UnitID?

    /// Prepares the reader's statements with `prepare` (the connection's, which owns and finalizes them).
    init(prepare: (String) throws(DatabaseError) -> OpaquePointer) throws(DatabaseError) {
        typealias U = UnitTable
        unit = try prepare("SELECT coalesce(\(U.latestAt), ''), \(U.extra) FROM \(U.name) WHERE \(U.id) = ?")
        wholeUnit = try prepare(StoredUnitRows.select(where: "WHERE u.\(U.id) = ?"))
    }

    /// Forgets what the last transaction read and met.
    func startOver() {
        failure = nil
        damagedUnit = nil
        readUnits.removeAll(keepingCapacity: true)
        unitReads = 0
    }

    func unit(_ id: UnitID) -> StoredUnit? {
        guard let finished = read(id) else { return nil }
        guard finished.intact else {
            damagedUnit = damagedUnit ?? id
            return nil
        }
        return finished.unit
    }

    func candidate(_ key: VariantKey) -> (text: String, others: [(language: String, text: String)])? {
        read(key.unitID).flatMap { $0.unit.rankingCandidate(position: key.position, positions: $0.positions) }
    }

    /// The unit with its variants' positions and whether its content is intact, read once a transaction.
    private func read(_ id: UnitID) -> StoredUnitRows.Finished? {
        if let known = readUnits[id] { return known }
        unitReads += 1
        let s = wholeUnit
        sqlite3_reset(s)
        defer { sqlite3_reset(s) }
        sqlite3_bind_int64(s, 1, id.rawValue)
        var rows = StoredUnitRows(checksContent: true, keepsPositions: true)
        var step = sqlite3_step(s)
        while step == SQLITE_ROW {
            _ = rows.add(s)
            step = sqlite3_step(s)
        }
        if step != SQLITE_DONE { failure = failure ?? step }
        let finished = rows.finish()
        readUnits[id] = .some(finished)  // a unit not found is remembered too
        return finished
    }

    func rankingFacts(of unitID: UnitID) -> RankingFacts {
        let s = unit
        sqlite3_reset(s)
        sqlite3_bind_int64(s, 1, unitID.rawValue)
        defer { sqlite3_reset(s) }
        let step = sqlite3_step(s)
        guard step == SQLITE_ROW else {
            if step != SQLITE_DONE { failure = failure ?? step }
            return RankingFacts(recency: "", metadataJSON: nil)
        }
        return RankingFacts(recency: columnText(s, 0), metadataJSON: columnOptionalText(s, 1))
    }
}
