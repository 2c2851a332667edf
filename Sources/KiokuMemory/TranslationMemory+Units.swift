import GRDB
import GRDBSQLite
import KiokuFormats
import KiokuText

extension TranslationMemory {
    public func unitCount() throws(MemoryError) -> Int {
        try reading { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(UnitTable.name)") ?? 0 }
    }

    /// One unit, checked against the content hash it was stored with: SQLite keeps no
    /// checksums, and a unit whose text changed on disk must not be served as a translation.
    public func unit(_ id: UnitID) throws(MemoryError) -> StoredUnit? {
        var found: StoredUnit?
        try readUnits(ids: id...id, languages: nil, changed: { unit throws(MemoryError) in
            throw MemoryError.damaged(path: self.path, reason: "unit \(unit.id.rawValue)'s text is not what was stored (its checksum differs)")
        }) { found = $0 }
        return found
    }

    public func forEachUnit(ids: ClosedRange<UnitID>?, languages: [LanguageTag]?,
                            _ body: (StoredUnit) throws -> Void) throws(MemoryError) {
        try readUnits(ids: ids, languages: languages, changed: nil, body)
    }

    /// Units in id order; with `changed`, each unit's content is hashed again and a unit whose
    /// hash is not the one it was stored with is handed to `changed` (which may throw) instead
    /// of `body`.
    func readUnits(ids: ClosedRange<UnitID>?, languages: [LanguageTag]?, changed: ((StoredUnit) throws(MemoryError) -> Void)?,
                   _ body: (StoredUnit) throws -> Void) throws(MemoryError) {
        try scanning(whole: ids == nil) { db in
            let statement = try db.cachedStatement(sql: StoredUnitRows.select(where: ids == nil ? "" : "WHERE u.\(UnitTable.id) BETWEEN ? AND ?"))
            var rows = StoredUnitRows(checksContent: changed != nil)
            func emit(_ finished: StoredUnitRows.Finished?) throws {
                guard let finished else { return }
                try StoredUnit.deliver(finished.unit, intact: finished.intact, languages: languages, changed: changed, to: body)
            }
            try statement.forEachRow(in: db, { s in
                if let ids {
                    sqlite3_bind_int64(s, 1, ids.lowerBound.rawValue)
                    sqlite3_bind_int64(s, 2, ids.upperBound.rawValue)
                }
            }) { s in try emit(rows.add(s)) }
            try emit(rows.finish())
        }
    }

    public func dominantSourceLanguage() throws(MemoryError) -> LanguageTag? {
        typealias U = UnitTable
        return try reading { db in
            try String.fetchOne(db, sql: """
                SELECT \(U.sourceLanguage) FROM \(U.name) WHERE \(U.sourceLanguage) IS NOT NULL
                GROUP BY \(U.sourceLanguage) ORDER BY count(*) DESC LIMIT 1
                """)
        }.flatMap(LanguageTag.init)
    }
}
