import GRDB

extension TranslationMemory {
    /// The columns a table of this file has, in order (what ``SQLiteTable`` must agree with).
    func columns(of table: String) throws(MemoryError) -> [String] {
        try reading { db in try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table]).map { $0[0] } }
    }
}
