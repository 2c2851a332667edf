import Foundation
import GRDB
import GRDBSQLite
import KiokuFormats
import KiokuText

/// The SQLite store's writes inside one transaction, through prepared statements bound with
/// the C API: the import's hot path (several hundred thousand rows a second).
final class SQLiteWriter: MemoryWriter {
    let db: Database
    let path: String
    private let findHash: Statement
    private let selectVariants: Statement
    private let insertUnit: Statement
    private let insertVariant: Statement
    private let findPair: Statement
    private let insertPair: Statement
    /// The id the next inserted unit gets: above every unit there is and every unit deleted.
    private var nextUnitID: Int64?
    /// Units this transaction has inserted so far.
    private var inserted = 0
    /// Whether this transaction raised the connection's page cache (see `bulkCacheKiB`).
    private(set) var raisedCache = false
    /// The highest unit id when this transaction began: about how many units the TM held.
    private var unitsBefore: Int64?
    /// While a bulk load has dropped the content-hash index: every unit's hash (see
    /// ``finish()``), and the rare second unit of a hash (another content, same hash).
    private var hashes: ContentHashTable?
    private var sharedHashes: [Int64: [UnitID]] = [:]

    /// A bulk load (``BulkLoad/units``) raises the page cache so that the content-hash index
    /// stays in memory. Its inserts land on random pages; with 10M units it is 180 MB, and in
    /// the usual 64 MB cache every insert evicted a page that had to be written to the log and
    /// read back (49 GB of I/O for a 6 GB TM).
    ///
    /// The bulk load's cache, in KiB: 512 MB, room for the hash index of some 25M units (SQLite
    /// allocates pages only as they are used).
    static let bulkCacheKiB = 1 << 19
    /// The cache every connection opens with, in KiB.
    static let usualCacheKiB = 1 << 16

    init(db: Database, path: String) throws {
        self.db = db
        self.path = path
        typealias U = UnitTable; typealias V = VariantTable
        findHash = try db.makeStatement(sql: "SELECT \(U.id) FROM \(U.name) WHERE \(U.contentHash) = ?")
        selectVariants = try db.makeStatement(sql: "SELECT \(V.language), \(V.text), \(V.markup) FROM \(V.name) WHERE \(V.unitID) = ? ORDER BY \(V.position)")
        insertUnit = try db.makeStatement(sql: """
            INSERT INTO \(U.name)(\(U.sourceLanguage), \(U.originID), \(U.createdAt), \(U.createdBy), \(U.changedAt), \(U.changedBy), \(U.extra),
                                   \(U.contentHash), \(U.latestAt), \(U.id))
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertVariant = try db.makeStatement(sql: """
            INSERT INTO \(V.name)(\(V.unitID), \(V.position), \(V.language), \(V.text), \(V.markup), \(V.extra)) VALUES (?, ?, ?, ?, ?, ?)
            """)
        typealias P = UnitPairTable
        findPair = try db.makeStatement(sql: "SELECT \(P.unitID) FROM \(P.name) WHERE \(P.hash) = ?")
        insertPair = try db.makeStatement(sql: "INSERT OR IGNORE INTO \(P.name)(\(P.hash), \(P.unitID)) VALUES (?, ?)")
    }

    func failing<T>(_ body: () throws -> T) throws(MemoryError) -> T {
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
        guard let hashes else { return try unitIDs(findHash, hash) }
        guard let first = hashes.unit(withHash: hash) else { return [] }
        return [UnitID(first)] + (sharedHashes[hash] ?? [])
    }

    /// A bulk load that at least doubles the TM drops the content-hash index and keeps the
    /// hashes in memory instead: each insert into the index lands on a random page (at 10M units,
    /// 40 of an import's 100 s), while building it again at the end is one sort (3.5 s, see `sortCacheKiB`).
    private func dropHashIndexIfBulk() throws {
        guard hashes == nil, inserted >= BulkLoad.units, Int64(inserted) >= (unitsBefore ?? 0) else { return }
        typealias U = UnitTable
        var loaded = ContentHashTable(capacity: Int(unitsBefore ?? 0) + inserted * 2)
        let all = try db.makeStatement(sql: "SELECT \(U.contentHash), \(U.id) FROM \(U.name) ORDER BY \(U.id)")
        try all.forEachRow(in: db, { _ in }) { row in
            let hash = sqlite3_column_int64(row, 0), id = sqlite3_column_int64(row, 1)
            if !loaded.insert(hash: hash, unit: id) { sharedHashes[hash, default: []].append(UnitID(id)) }
        }
        try db.execute(sql: "DROP INDEX IF EXISTS \(Self.hashIndex)")
        hashes = loaded
    }

    static let hashIndex = "unit_content_hash"

    /// The page cache while the content-hash index is built again, in KiB. SQLite's sorter
    /// sorts runs as large as the cache: one 512 MB run of 10M keys (a linked list merged in
    /// place) misses the CPU's cache at every step and took 10.5 s, 4 MB runs merged take 3.5 s.
    /// The transaction's dirty pages spilled meanwhile would be written at its commit anyway.
    static let sortCacheKiB = 1 << 12

    /// SQLite's helper threads for that sort: its runs are sorted and merged on every core (the
    /// import's other threads are done by then). 10M keys: 3.9 s instead of 5.5 s.
    static let sortThreads = min(8, max(1, ProcessInfo.processInfo.activeProcessorCount))

    /// Ends the transaction's work: builds the content-hash index again if a bulk load dropped it.
    func finish() throws(MemoryError) {
        guard hashes != nil else { return }
        hashes = nil
        sharedHashes = [:]
        // `write` gives the usual cache back after the commit (a bulk load raised it).
        defer { try? db.execute(sql: "PRAGMA threads = 0") }
        try failing { try db.execute(sql: "PRAGMA cache_size = -\(Self.sortCacheKiB); PRAGMA threads = \(Self.sortThreads)") }
        try failing { try db.execute(sql: "CREATE INDEX IF NOT EXISTS \(Self.hashIndex) ON \(UnitTable.name)(\(UnitTable.contentHash))") }
    }

    /// The unit ids `statement` (one hash parameter, one id column) finds.
    private func unitIDs(_ statement: Statement, _ hash: Int64) throws(MemoryError) -> [UnitID] {
        try failing {
            var found: [UnitID] = []
            try statement.forEachRow(in: db, { sqlite3_bind_int64($0, 1, hash) }) { row in
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
        let unitID = try failing { try nextUnitID ?? Self.highestUnitID(db) + 1 }
        if unitsBefore == nil { unitsBefore = unitID - 1 }
        nextUnitID = unitID + 1
        try store(unit, contentHash: contentHash, origin: origin, id: unitID)
        return UnitID(unitID)
    }

    func insert(_ unit: TranslationUnit, contentHash: Int64, origin: OriginID, id: UnitID) throws(MemoryError) {
        let next = try failing { try nextUnitID ?? Self.highestUnitID(db) + 1 }
        if unitsBefore == nil { unitsBefore = next - 1 }
        nextUnitID = max(next, id.rawValue + 1)
        try store(unit, contentHash: contentHash, origin: origin, id: id.rawValue)
    }

    func recordRevision(_ revision: VariantRevision) throws(MemoryError) {
        typealias H = HistoryTable
        try failing {
            try db.execute(sql: """
                INSERT INTO \(H.name)(\(H.unitID), \(H.language), \(H.text), \(H.markup), \(H.replacedAt), \(H.replacedBy)) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [revision.unitID.rawValue, revision.language, revision.text, revision.markup, revision.replaced.date, revision.replaced.user])
        }
    }

    /// Writes a unit's rows under `unitID`.
    private func store(_ unit: TranslationUnit, contentHash: Int64, origin: OriginID, id unitID: Int64) throws(MemoryError) {
        try failing {
            inserted += 1
            if inserted == BulkLoad.units {
                try db.execute(sql: "PRAGMA cache_size = -\(Self.bulkCacheKiB)")
                raisedCache = true
            }
            // The table read at the drop holds the units stored before this one; this one joins it
            // like every later one.
            if hashes == nil { try dropHashIndexIfBulk() }
            if hashes?.insert(hash: contentHash, unit: unitID) == false { sharedHashes[contentHash, default: []].append(UnitID(unitID)) }
            let metadata = unit.metadata
            try insertUnit.run(in: db) { s in
                bindText(s, 1, unit.sourceLanguage?.identifier)
                sqlite3_bind_int64(s, 2, origin.rawValue)
                bindText(s, 3, metadata.creationDate); bindText(s, 4, metadata.creationUser)
                bindText(s, 5, metadata.changeDate); bindText(s, 6, metadata.changeUser)
                bindText(s, 7, StoredExtras.encode(Metadata(notes: metadata.notes, properties: metadata.properties, attributes: metadata.attributes)))
                sqlite3_bind_int64(s, 8, contentHash)
                bindText(s, 9, unit.latestDate.map(Metadata.sortKey(ofDate:)))
                sqlite3_bind_int64(s, 10, unitID)
            }
            if unit.variants.count >= 3 {
                for pair in Set(ContentHash.pairs(of: unit)) {
                    try insertPair.run(in: db) { s in sqlite3_bind_int64(s, 1, pair); sqlite3_bind_int64(s, 2, unitID) }
                }
            }
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
        }
    }

    /// The highest unit id ever given: of the units there are, and of those deleted.
    static func highestUnitID(_ db: Database) throws -> Int64 {
        typealias U = UnitTable; typealias C = ChangeTable
        return try Int64.fetchOne(db, sql: """
            SELECT max(coalesce((SELECT max(\(U.id)) FROM \(U.name)), 0), coalesce((SELECT max(\(C.unitID)) FROM \(C.name)), 0))
            """) ?? 0
    }

    func units(containingPair hash: Int64) throws(MemoryError) -> [UnitID] {
        try unitIDs(findPair, hash)
    }

    func mergeMetadata(into unit: UnitID, from duplicate: TranslationUnit) throws(MemoryError) {
        typealias U = UnitTable; typealias V = VariantTable
        try failing {
            if !duplicate.metadata.isEmpty, let row = try Row.fetchOne(db, sql: """
                SELECT \(U.createdAt), \(U.createdBy), \(U.changedAt), \(U.changedBy), \(U.extra) FROM \(U.name) WHERE \(U.id) = ?
                """, arguments: [unit.rawValue]) {
                var metadata = Metadata(creationDate: row[0], creationUser: row[1], changeDate: row[2], changeUser: row[3])
                StoredExtras.decode(row[4], into: &metadata)
                if metadata.merge(duplicate.metadata) {
                    try db.execute(sql: """
                        UPDATE \(U.name) SET \(U.createdAt) = ?, \(U.createdBy) = ?, \(U.changedAt) = ?, \(U.changedBy) = ?, \(U.extra) = ? WHERE \(U.id) = ?
                        """, arguments: [metadata.creationDate, metadata.creationUser, metadata.changeDate, metadata.changeUser,
                                         StoredExtras.encode(metadata), unit.rawValue])
                }
            }
            let annotated = duplicate.variants.filter { !$0.metadata.isEmpty }
            if !annotated.isEmpty {
                let stored = try Row.fetchAll(db, sql: """
                    SELECT \(V.position), \(V.language), \(V.text), \(V.markup), \(V.extra) FROM \(V.name) WHERE \(V.unitID) = ?
                    """, arguments: [unit.rawValue])
                for row in stored {
                    guard let language = LanguageTag(row[1] as String) else { continue }
                    let key = ContentHash.key(Variant(language: language, segment: Segment(text: row[2], markup: row[3])))
                    guard let incoming = annotated.first(where: { ContentHash.key($0) == key }) else { continue }
                    var metadata = StoredExtras.decodeVariant(row[4])
                    guard metadata.merge(incoming.metadata) else { continue }
                    try db.execute(sql: "UPDATE \(V.name) SET \(V.extra) = ? WHERE \(V.unitID) = ? AND \(V.position) = ?",
                                   arguments: [StoredExtras.encodeVariant(metadata), unit.rawValue, row[0] as Int64])
                }
            }
            if let latest = duplicate.latestDate {
                try db.execute(sql: "UPDATE \(U.name) SET \(U.latestAt) = max(coalesce(\(U.latestAt), ''), ?) WHERE \(U.id) = ?",
                               arguments: [Metadata.sortKey(ofDate: latest), unit.rawValue])
            }
        }
    }

    func unitCount() throws(MemoryError) -> Int {
        try failing { try Int.fetchOne(db, sql: "SELECT count(*) FROM \(UnitTable.name)") ?? 0 }
    }
}
