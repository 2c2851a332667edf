import Foundation
import GRDB
import GRDBSQLite
import KiokuText

extension TranslationMemory {
    public func revision() throws(MemoryError) -> StoreRevision {
        typealias C = ChangeTable
        return try reading { db in
            let changes = hasChangeLog ? try Row.fetchOne(db, sql: "SELECT max(\(C.unitID)), max(\(C.id)) FROM \(C.name)") : nil
            let latest = try Int64.fetchOne(db, sql: "SELECT max(\(UnitTable.id)) FROM \(UnitTable.name)") ?? 0
            return StoreRevision(latestUnit: UnitID(max(latest, changes?[0] ?? 0)), latestChange: changes?[1] ?? 0,
                                 indexed: try Self.indexWatermark(db))
        }
    }

    static func indexWatermark(_ db: Database) throws -> IndexWatermark {
        typealias S = IndexStateTable
        var values: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT \(S.key), \(S.value) FROM \(S.name)") { values[row[0]] = row[1] }
        return IndexWatermark(units: UnitID(values[S.indexedThrough] ?? 0), changes: values[S.changesThrough] ?? 0, saves: values[S.saves] ?? 0)
    }

    /// Sets the saved index's watermark (the save count included).
    static func setIndexWatermark(_ watermark: IndexWatermark, _ db: Database) throws {
        typealias S = IndexStateTable
        for (key, value) in [(S.indexedThrough, watermark.units.rawValue), (S.changesThrough, watermark.changes), (S.saves, watermark.saves)] {
            try db.execute(sql: "INSERT INTO \(S.name)(\(S.key), \(S.value)) VALUES (?, ?) ON CONFLICT(\(S.key)) DO UPDATE SET \(S.value) = excluded.\(S.value)",
                           arguments: [key, value])
        }
    }

    public func changedUnits(after: Int64, through: Int64) throws(MemoryError) -> [UnitID] {
        typealias C = ChangeTable
        guard hasChangeLog else { return [] }
        return try reading { db in
            try Int64.fetchAll(db, sql: "SELECT DISTINCT \(C.unitID) FROM \(C.name) WHERE \(C.id) > ? AND \(C.id) <= ? ORDER BY \(C.unitID)",
                               arguments: [after, through]).map { UnitID($0) }
        }
    }

    public func indexableVariants(of units: [UnitID]) throws(MemoryError) -> [IndexableVariant] {
        typealias V = VariantTable
        return try reading { db in
            let statement = try db.cachedStatement(sql: "SELECT \(V.position), \(V.language), \(V.text) FROM \(V.name) WHERE \(V.unitID) = ? ORDER BY \(V.position)")
            var variants: [IndexableVariant] = []
            for unit in units.sorted() {
                let rows = try Row.fetchCursor(statement, arguments: [unit.rawValue])
                while let row = try rows.next() {
                    guard let key = VariantKey(unit: unit, position: Int(row[0] as Int64)) else { continue }
                    variants.append(IndexableVariant(key: key, language: row[1], text: row[2]))
                }
            }
            return variants
        }
    }

    public func unitsHaveDates() throws(MemoryError) -> Bool {
        typealias U = UnitTable
        return try reading { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM \(U.name) WHERE \(U.latestAt) IS NOT NULL)") ?? true
        }
    }

    public func indexableVariants(after: UnitID, through: UnitID, limit: Int) throws(MemoryError) -> IndexableBatch {
        typealias V = VariantTable
        // Stepped with the C API: a bulk import's index reads back every variant it wrote.
        var variants: [IndexableVariant] = []
        var lastUnit: Int64 = 0
        var firstUnit: Int64?
        var rows = 0
        try reading { db in
            let statement = try db.cachedStatement(sql: """
                SELECT \(V.unitID), \(V.position), \(V.language), \(V.text) FROM \(V.name)
                WHERE \(V.unitID) > ? AND \(V.unitID) <= ? ORDER BY \(V.unitID), \(V.position) LIMIT ?
                """)
            variants.reserveCapacity(limit)
            try statement.forEachRow(in: db, { s in
                sqlite3_bind_int64(s, 1, after.rawValue)
                sqlite3_bind_int64(s, 2, through.rawValue)
                sqlite3_bind_int64(s, 3, Int64(limit))
            }) { row in
                rows += 1
                lastUnit = sqlite3_column_int64(row, 0)
                if firstUnit == nil { firstUnit = lastUnit }
                guard let key = VariantKey(unit: UnitID(lastUnit), position: Int(sqlite3_column_int64(row, 1))) else { return }
                variants.append(IndexableVariant(key: key, language: columnText(row, 2), text: columnText(row, 3)))
            }
        }
        guard let firstUnit else { return IndexableBatch(variants: [], through: through) }
        var covered = UnitID(lastUnit)
        if rows == limit, firstUnit != lastUnit {
            // never split a unit between batches: its remaining variants come next time
            while variants.last?.key.unitID == covered { variants.removeLast() }
            covered = UnitID(lastUnit - 1)
        }
        return IndexableBatch(variants: variants, through: covered)
    }

    public func forEachVariant(language: String, _ body: (IndexableVariant) throws -> Void) throws(MemoryError) {
        typealias V = VariantTable
        try scanning { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT \(V.unitID), \(V.position), \(V.language), \(V.text) FROM \(V.name)")
            while let row = try rows.next() {
                let tag: String = row[2]
                guard LanguageTag(tag)?.language == language,
                      let key = VariantKey(unit: UnitID(row[0] as Int64), position: Int(row[1] as Int64)) else { continue }
                try body(IndexableVariant(key: key, language: tag, text: row[3]))
            }
        }
    }

    /// Runs `body` in one read transaction on one of the lookup connections (`SQLiteLookupConnection`),
    /// taken from the idle ones or opened.
    public func withRankingReader<T>(_ body: (any RankingReader) throws -> T) throws(MemoryError) -> T {
        do {
            let connection = try lookupConnections.withLock { $0.popLast() }
                ?? SQLiteLookupConnection(path: sqlitePath.path, isURI: sqlitePath.isURI)
            defer { lookupConnections.withLock { idle in if idle.count < Self.idleLookupConnections { idle.append(connection) } } }
            return try connection.reading { reader in
                let result = try body(reader)
                if let code = reader.failure {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errstr(code)))
                }
                if let damaged = reader.damagedUnit {
                    throw MemoryError.damaged(path: self.path, reason: "unit \(damaged.rawValue)'s text is not what was stored (its checksum differs)")
                }
                return result
            }
        } catch { throw storeError(error, writing: false) }
    }

    /// Lookup connections kept open between lookups: two for each core, and at least the five
    /// readers GRDB's pool keeps. A server answers lookups on as many threads as there are cores;
    /// more at once are opened and then closed.
    static let idleLookupConnections = max(5, 2 * ProcessInfo.processInfo.activeProcessorCount)

    public func indexFormat() throws(MemoryError) -> Int {
        typealias S = IndexStateTable
        return try reading { db in
            Int(try Int64.fetchOne(db, sql: "SELECT \(S.value) FROM \(S.name) WHERE \(S.key) = ?", arguments: [S.format]) ?? 0)
        }
    }

    public func resetIndex(to format: Int) throws(MemoryError) {
        typealias S = IndexStateTable
        try writing { db in
            let recorded = try Int64.fetchOne(db, sql: "SELECT \(S.value) FROM \(S.name) WHERE \(S.key) = ?", arguments: [S.format])
            guard recorded != Int64(format) else { return }
            let saves = try Self.indexWatermark(db).saves
            try dropSavedIndex(db)
            try Self.setIndexWatermark(IndexWatermark(units: .none, changes: 0, saves: saves + 1), db)
            try db.execute(sql: "INSERT INTO \(S.name)(\(S.key), \(S.value)) VALUES (?, ?) ON CONFLICT(\(S.key)) DO UPDATE SET \(S.value) = excluded.\(S.value)",
                           arguments: [S.format, format])
        }
    }

    /// Drops every saved token, chunk and tombstone.
    private func dropSavedIndex(_ db: Database) throws {
        for table in [IndexTokenTable.name, IndexChunkTable.name] { try db.execute(sql: "DELETE FROM \(table)") }
        if hasChangeLog { try db.execute(sql: "DELETE FROM \(IndexDeadTable.name)") }
    }

    public func indexedLanguages() throws(MemoryError) -> [String] {
        typealias C = IndexChunkTable
        return try reading { db in try String.fetchAll(db, sql: "SELECT DISTINCT \(C.language) FROM \(C.name) ORDER BY \(C.language)") }
    }

    public func loadIndex(language: String, vocabulary: (String, UInt32) -> Void,
                          chunk: (UnsafeRawBufferPointer, UnsafeRawBufferPointer?) throws -> Void) throws(MemoryError) {
        typealias T = IndexTokenTable; typealias C = IndexChunkTable; typealias D = IndexDeadTable
        try scanning { db in
            // Stepped with the C API, without GRDB's row objects: a news TM holds 500,000 words.
            let tokens = try db.makeStatement(sql: "SELECT \(T.token), \(T.id) FROM \(T.name) WHERE \(T.language) = ?")
            try tokens.forEachRow(in: db, { s in bindText(s, 1, language) }) { s in
                guard let id = UInt32(exactly: sqlite3_column_int64(s, 1)) else { throw MemoryError.damagedIndex(path: path, language: language) }
                vocabulary(columnText(s, 0), id)
            }
            // The blobs are read in place, straight from SQLite's buffer; each with its tombstones.
            let dead = hasChangeLog ? "d.\(D.data)" : "NULL"
            let join = hasChangeLog ? "LEFT JOIN \(D.name) d ON d.\(D.language) = c.\(C.language) AND d.\(D.chunk) = c.\(C.chunk)" : ""
            let statement = try db.makeStatement(sql: "SELECT c.\(C.data), \(dead) FROM \(C.name) c \(join) WHERE c.\(C.language) = ? ORDER BY c.\(C.chunk)")
            try statement.forEachRow(in: db, { s in bindText(s, 1, language) }) { s in
                let bits = sqlite3_column_type(s, 1) == SQLITE_NULL ? nil
                    : UnsafeRawBufferPointer(start: sqlite3_column_blob(s, 1), count: Int(sqlite3_column_bytes(s, 1)))
                try chunk(UnsafeRawBufferPointer(start: sqlite3_column_blob(s, 0), count: Int(sqlite3_column_bytes(s, 0))), bits)
            }
        }
    }

    public func saveIndex(_ changes: [IndexChanges], replacing base: IndexWatermark, through: IndexWatermark,
                          replacingAll: Bool) throws(MemoryError) -> Bool {
        typealias T = IndexTokenTable; typealias C = IndexChunkTable; typealias D = IndexDeadTable
        return try writing { db in
            guard try Self.indexWatermark(db) == base else { return false }
            if replacingAll { try dropSavedIndex(db) }
            let saveDead = try db.makeStatement(sql: """
                INSERT INTO \(D.name)(\(D.language), \(D.chunk), \(D.data)) VALUES (?, ?, ?)
                ON CONFLICT(\(D.language), \(D.chunk)) DO UPDATE SET \(D.data) = excluded.\(D.data)
                """)
            let dropDead = try db.makeStatement(sql: "DELETE FROM \(D.name) WHERE \(D.language) = ? AND \(D.chunk) = ?")
            let insertToken = try db.makeStatement(sql: "INSERT INTO \(T.name)(\(T.language), \(T.token), \(T.id)) VALUES (?, ?, ?)")
            let saveChunk = try db.makeStatement(sql: """
                INSERT INTO \(C.name)(\(C.language), \(C.chunk), \(C.documents), \(C.data)) VALUES (?, ?, ?, ?)
                ON CONFLICT(\(C.language), \(C.chunk)) DO UPDATE SET \(C.documents) = excluded.\(C.documents), \(C.data) = excluded.\(C.data)
                """)
            for change in changes {
                for (token, id) in change.newTokens {
                    try insertToken.execute(arguments: [change.language, token, Int64(id)])
                }
                for chunk in change.chunks {
                    let data = chunk.encode()
                    try saveChunk.run(in: db) { s in
                        bindText(s, 1, change.language)
                        sqlite3_bind_int64(s, 2, Int64(chunk.number))
                        sqlite3_bind_int64(s, 3, Int64(chunk.documents))
                        bindBlob(s, 4, data)
                    }
                }
                for dead in change.deadDocuments {
                    if dead.bits.isEmpty {
                        try dropDead.execute(arguments: [change.language, dead.chunk])
                    } else {
                        try saveDead.run(in: db) { s in
                            bindText(s, 1, change.language)
                            sqlite3_bind_int64(s, 2, Int64(dead.chunk))
                            bindBlob(s, 3, dead.bits)
                        }
                    }
                }
            }
            try Self.setIndexWatermark(IndexWatermark(units: through.units, changes: through.changes, saves: base.saves + 1), db)
            return true
        }
    }
}
