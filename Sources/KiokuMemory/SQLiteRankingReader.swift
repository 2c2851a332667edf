import GRDB
import GRDBSQLite

/// The SQLite store's ``RankingReader``: prepared statements stepped with the C API, since
/// ranking reads dozens of hits per lookup and each read must cost about a microsecond. Made
/// once for each ``SQLiteLookupConnection``, and used again by each of its read transactions.
final class SQLiteRankingReader: RankingReader {
    private let variants: OpaquePointer
    private let unit: OpaquePointer
    private let wholeUnit: OpaquePointer
    /// The first SQLite error a step met (SQLITE_CORRUPT, an I/O error): the reads answer as
    /// if the row were missing, and the store turns this into an error after ranking, so that
    /// damage never passes for "no such unit".
    private(set) var failure: Int32?
    /// A unit whose content no longer matches its stored hash (the store reports it after ranking).
    private(set) var damagedUnit: UnitID?

    /// Prepares the reader's statements with `prepare` (the connection's, which owns and finalizes them).
    init(prepare: (String) throws(DatabaseError) -> OpaquePointer) throws(DatabaseError) {
        typealias U = UnitTable; typealias V = VariantTable
        variants = try prepare("SELECT \(V.position), \(V.language), \(V.text) FROM \(V.name) WHERE \(V.unitID) = ?")
        unit = try prepare("SELECT coalesce(\(U.latestAt), ''), \(U.extra) FROM \(U.name) WHERE \(U.id) = ?")
        wholeUnit = try prepare(StoredUnitRows.select(where: "WHERE u.\(U.id) = ?"))
    }

    /// Forgets what the last transaction's reads met.
    func startOver() {
        failure = nil
        damagedUnit = nil
    }

    func unit(_ id: UnitID) -> StoredUnit? {
        let s = wholeUnit
        sqlite3_reset(s)
        defer { sqlite3_reset(s) }
        sqlite3_bind_int64(s, 1, id.rawValue)
        var rows = StoredUnitRows(checksContent: true)
        var step = sqlite3_step(s)
        while step == SQLITE_ROW {
            _ = rows.add(s)
            step = sqlite3_step(s)
        }
        if step != SQLITE_DONE { failure = failure ?? step }
        guard let finished = rows.finish() else { return nil }
        guard finished.intact else {
            damagedUnit = damagedUnit ?? id
            return nil
        }
        return finished.unit
    }

    func candidate(_ key: VariantKey) -> (text: String, others: [(language: String, text: String)])? {
        let s = variants
        sqlite3_reset(s)
        sqlite3_bind_int64(s, 1, key.unitID.rawValue)
        var text: String?
        var others: [(language: String, text: String)] = []
        let position = Int64(key.position)
        var step = sqlite3_step(s)
        while step == SQLITE_ROW {
            if sqlite3_column_int64(s, 0) == position {
                text = columnText(s, 2)
            } else {
                others.append((columnText(s, 1), columnText(s, 2)))
            }
            step = sqlite3_step(s)
        }
        if step != SQLITE_DONE { failure = failure ?? step }
        sqlite3_reset(s)
        return text.map { ($0, others) }
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
