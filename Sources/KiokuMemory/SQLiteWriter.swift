import GRDB
import GRDBSQLite
import KiokuFormats
import KiokuText

/// The SQLite store's writes inside one transaction, through prepared statements bound with
/// the C API: the import's hot path (several hundred thousand rows a second).
final class SQLiteWriter: MemoryWriter {
    private let db: Database
    private let path: String
    private let findHash: Statement
    private let selectVariants: Statement
    private let insertUnit: Statement
    private let insertVariant: Statement
    private let updateChange: Statement

    init(db: Database, path: String) throws {
        self.db = db
        self.path = path
        typealias U = UnitTable; typealias V = VariantTable
        findHash = try db.makeStatement(sql: "SELECT \(U.id) FROM \(U.name) WHERE \(U.contentHash) = ?")
        selectVariants = try db.makeStatement(sql: "SELECT \(V.language), \(V.text), \(V.markup) FROM \(V.name) WHERE \(V.unitID) = ? ORDER BY \(V.position)")
        insertUnit = try db.makeStatement(sql: """
            INSERT INTO \(U.name)(\(U.sourceLanguage), \(U.originID), \(U.createdAt), \(U.createdBy), \(U.changedAt), \(U.changedBy), \(U.extra), \(U.contentHash))
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertVariant = try db.makeStatement(sql: """
            INSERT INTO \(V.name)(\(V.unitID), \(V.position), \(V.language), \(V.text), \(V.markup), \(V.extra)) VALUES (?, ?, ?, ?, ?, ?)
            """)
        updateChange = try db.makeStatement(sql: """
            UPDATE \(U.name) SET \(U.changedAt) = ?, \(U.changedBy) = ? WHERE \(U.id) = ? AND (\(U.changedAt) IS NULL OR \(U.changedAt) < ?)
            """)
    }

    private func failing<T>(_ body: () throws -> T) throws(MemoryError) -> T {
        do { return try body() } catch { throw TranslationMemory.storeError(error, path: path, writing: true) }
    }

    func recordOrigin(_ originPath: String, importedAt: String) throws(MemoryError) -> OriginID {
        typealias O = OriginTable
        return try failing {
            try db.execute(sql: """
                INSERT INTO \(O.name)(\(O.path), \(O.importedAt)) VALUES (?, ?)
                ON CONFLICT(\(O.path)) DO UPDATE SET \(O.importedAt) = excluded.\(O.importedAt)
                """, arguments: [originPath, importedAt])
            return OriginID(rawValue: try Int64.fetchOne(db, sql: "SELECT \(O.id) FROM \(O.name) WHERE \(O.path) = ?", arguments: [originPath])!)
        }
    }

    func units(withContentHash hash: Int64) throws(MemoryError) -> [UnitID] {
        try failing {
            var found: [UnitID] = []
            try findHash.forEachRow(in: db, { sqlite3_bind_int64($0, 1, hash) }) { row in
                found.append(UnitID(sqlite3_column_int64(row, 0)))
            }
            return found
        }
    }

    func variants(of unit: UnitID) throws(MemoryError) -> [Variant] {
        try failing {
            var variants: [Variant] = []
            try selectVariants.forEachRow(in: db, { sqlite3_bind_int64($0, 1, unit.rawValue) }) { row in
                guard let language = LanguageTag(columnText(row, 0)) else { return }
                variants.append(Variant(language: language, segment: Segment(text: columnText(row, 1), markup: columnOptionalText(row, 2))))
            }
            return variants
        }
    }

    func insert(_ unit: TranslationUnit, contentHash: Int64, origin: OriginID) throws(MemoryError) -> UnitID {
        try failing {
            let metadata = unit.metadata
            try insertUnit.run(in: db) { s in
                bindText(s, 1, unit.sourceLanguage?.identifier)
                sqlite3_bind_int64(s, 2, origin.rawValue)
                bindText(s, 3, metadata.creationDate); bindText(s, 4, metadata.creationUser)
                bindText(s, 5, metadata.changeDate); bindText(s, 6, metadata.changeUser)
                bindText(s, 7, StoredExtras.encode(Metadata(notes: metadata.notes, properties: metadata.properties, attributes: metadata.attributes)))
                sqlite3_bind_int64(s, 8, contentHash)
            }
            let unitID = db.lastInsertedRowID
            for (position, variant) in unit.variants.enumerated() {
                try insertVariant.run(in: db) { s in
                    sqlite3_bind_int64(s, 1, unitID)
                    sqlite3_bind_int64(s, 2, Int64(position))
                    bindText(s, 3, variant.language.identifier)
                    bindText(s, 4, variant.segment.text)
                    bindText(s, 5, variant.segment.markup)
                    bindText(s, 6, StoredExtras.encodeVariant(variant.metadata))
                }
            }
            return UnitID(unitID)
        }
    }

    func raiseChangeDate(of unit: UnitID, to date: String, by user: String?) throws(MemoryError) {
        try failing {
            try updateChange.run(in: db) { s in
                bindText(s, 1, date); bindText(s, 2, user)
                sqlite3_bind_int64(s, 3, unit.rawValue); bindText(s, 4, date)
            }
        }
    }

    func unitCount() throws(MemoryError) -> Int {
        try failing { try Int.fetchOne(db, sql: "SELECT count(*) FROM \(UnitTable.name)") ?? 0 }
    }
}
