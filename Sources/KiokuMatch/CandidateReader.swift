import GRDB
import GRDBSQLite

/// Reads what ranking needs of a hit — its source text, whether the unit has the target
/// language, its date and its stored metadata — through prepared statements stepped with
/// the SQLite C API: ranking reads dozens of hits per lookup, so each read must cost ~1 µs.
final class CandidateReader {
    private let variants: Statement
    private let unit: Statement

    init(_ db: Database) throws {
        variants = try db.cachedStatement(sql: "SELECT position, lang, text FROM variant WHERE unit_id = ?")
        unit = try db.cachedStatement(sql: "SELECT coalesce(changed_at, created_at, ''), extra FROM unit WHERE id = ?")
    }

    /// The text at `position` and the languages of the unit's other variants.
    func variants(of unitID: Int64, position: Int64) -> (text: String, otherLanguages: [String])? {
        let s = variants.sqliteStatement
        sqlite3_reset(s)
        sqlite3_bind_int64(s, 1, unitID)
        var text: String?
        var others: [String] = []
        while sqlite3_step(s) == SQLITE_ROW {
            if sqlite3_column_int64(s, 0) == position {
                text = Self.string(s, 2)
            } else {
                others.append(Self.string(s, 1))
            }
        }
        sqlite3_reset(s)
        return text.map { ($0, others) }
    }

    /// The unit's change (or creation) date and its metadata JSON.
    func dateAndExtra(of unitID: Int64) -> (date: String, extra: String?) {
        let s = unit.sqliteStatement
        sqlite3_reset(s)
        sqlite3_bind_int64(s, 1, unitID)
        defer { sqlite3_reset(s) }
        guard sqlite3_step(s) == SQLITE_ROW else { return ("", nil) }
        let extra = sqlite3_column_type(s, 1) == SQLITE_NULL ? nil : Self.string(s, 1)
        return (Self.string(s, 0), extra)
    }

    private static func string(_ statement: OpaquePointer, _ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
}
