import GRDB
import GRDBSQLite

/// Prepared statements stepped with the SQLite C API, for the paths that run per unit or
/// per hit (import, ranking): GRDB's row decoding costs more than the query there.
extension Statement {
    /// Resets, binds, and steps once; throws unless the statement is done.
    func run(in db: Database, _ bindings: (OpaquePointer) -> Void) throws {
        let s = sqliteStatement
        sqlite3_reset(s)
        bindings(s)
        let code = sqlite3_step(s)
        guard code == SQLITE_DONE else { throw Self.failure(code, db) }
    }

    /// Resets, binds, and calls `row` for each result row.
    func forEachRow(in db: Database, _ bindings: (OpaquePointer) -> Void, _ row: (OpaquePointer) throws -> Void) throws {
        let s = sqliteStatement
        sqlite3_reset(s)
        defer { sqlite3_reset(s) }
        bindings(s)
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_ROW { try row(s); continue }
            if code == SQLITE_DONE { return }
            throw Self.failure(code, db)
        }
    }

    private static func failure(_ code: Int32, _ db: Database) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
}

/// Binds text (or NULL) to a parameter, copied by SQLite.
func bindText(_ statement: OpaquePointer, _ index: Int32, _ text: String?) {
    guard let text else {
        sqlite3_bind_null(statement, index)
        return
    }
    var copy = text
    copy.withUTF8 { buffer in
        guard let base = buffer.baseAddress, buffer.count > 0 else {
            _ = sqlite3_bind_text(statement, index, "", 0, transientDestructor)
            return
        }
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
            _ = sqlite3_bind_text(statement, index, chars, Int32(buffer.count), transientDestructor)
        }
    }
}

/// Binds bytes as a blob, copied by SQLite.
func bindBlob(_ statement: OpaquePointer, _ index: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
        _ = sqlite3_bind_blob(statement, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(buffer.count), transientDestructor)
    }
}

/// A text column of the current row ("" for NULL).
func columnText(_ statement: OpaquePointer, _ column: Int32) -> String {
    guard let bytes = sqlite3_column_text(statement, column) else { return "" }
    let count = Int(sqlite3_column_bytes(statement, column))
    return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
}

/// A text column of the current row, nil for NULL.
func columnOptionalText(_ statement: OpaquePointer, _ column: Int32) -> String? {
    sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : columnText(statement, column)
}

private let transientDestructor = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
