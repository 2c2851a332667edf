import GRDB
import KiokuFormats

extension TranslationMemory {
    public func units(fromOrigin origin: String) throws(MemoryError) -> [UnitID] {
        typealias U = UnitTable; typealias O = OriginTable
        return try reading { db in
            try Int64.fetchAll(db, sql: """
                SELECT u.\(U.id) FROM \(U.name) u JOIN \(O.name) o ON o.\(O.id) = u.\(U.originID) WHERE o.\(O.path) = ? ORDER BY u.\(U.id)
                """, arguments: [origin]).map { UnitID($0) }
        }
    }

    public func existingUnits(_ ids: [UnitID]) throws(MemoryError) -> [UnitID] {
        typealias U = UnitTable
        let wanted = Set(ids).sorted()
        return try reading { db in
            let statement = try db.cachedStatement(sql: "SELECT 1 FROM \(U.name) WHERE \(U.id) = ?")
            return try wanted.filter { id in try Bool.fetchOne(statement, arguments: [id.rawValue]) ?? false }
        }
    }

    public func history(of unit: UnitID) throws(MemoryError) -> [VariantRevision] {
        typealias H = HistoryTable
        guard hasChangeLog else { return [] }
        return try reading { db in
            try Row.fetchAll(db, sql: """
                SELECT \(H.language), \(H.text), \(H.markup), \(H.replacedAt), \(H.replacedBy) FROM \(H.name) WHERE \(H.unitID) = ? ORDER BY \(H.id)
                """, arguments: [unit.rawValue]).map { row in
                VariantRevision(unitID: unit, language: row[0], text: row[1], markup: row[2], replaced: ChangeStamp(date: row[3], user: row[4]))
            }
        }
    }

    public func forEachRevision(_ body: (VariantRevision) throws -> Void) throws(MemoryError) {
        typealias H = HistoryTable
        guard hasChangeLog else { return }
        try reading { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(H.unitID), \(H.language), \(H.text), \(H.markup), \(H.replacedAt), \(H.replacedBy) FROM \(H.name) ORDER BY \(H.id)
                """)
            while let row = try rows.next() {
                try body(VariantRevision(unitID: UnitID(row[0] as Int64), language: row[1], text: row[2], markup: row[3],
                                         replaced: ChangeStamp(date: row[4], user: row[5])))
            }
        }
    }

    /// Rewrites the file without the pages deleted data left free (`VACUUM`); the write-ahead
    /// log is folded in first. Needs free disk space about the size of the TM.
    public func reclaimSpace() throws(MemoryError) {
        if isReadOnly { throw .readOnly(path: path) }
        do {
            try database.writeWithoutTransaction { db in
                try db.checkpoint(.truncate)
                try db.execute(sql: "VACUUM")
                try db.checkpoint(.truncate)
            }
        } catch {
            throw storeError(error, writing: true)
        }
    }
}
