import KiokuMemory
import KiokuText
import NIOCore
import PostgresNIO

extension PostgresStore {
    /// Variants one round trip of a full scan brings.
    static let variantsPerPage: Int64 = 20_000
    /// Vocabulary entries one insert carries (as two arrays).
    static let tokensPerInsert = 20_000

    public func revision() throws(MemoryError) -> StoreRevision {
        try reading { session in
            let row = try session.rows("""
                SELECT (SELECT coalesce(max(id), 0) FROM unit), (SELECT coalesce(max(unit_id), 0) FROM unit_change),
                       (SELECT coalesce(max(id), 0) FROM unit_change), \(unescaped: Self.watermarkColumns)
                """)[0]
            let (latest, changedUnit, change, units, changes, saves) = try row.decode((Int64, Int64, Int64, Int64, Int64, Int64).self)
            return StoreRevision(latestUnit: UnitID(max(latest, changedUnit)), latestChange: change,
                                 indexed: IndexWatermark(units: UnitID(units), changes: changes, saves: saves))
        }
    }

    /// The watermark's three values as columns of a `SELECT`.
    static let watermarkColumns = ["indexed_through", "changes_through", "saves"]
        .map { "coalesce((SELECT value FROM fuzzy_state WHERE key = '\($0)'), 0)" }.joined(separator: ", ")

    static func indexWatermark(_ session: PostgresSession) throws -> IndexWatermark {
        let (units, changes, saves) = try session.rows("SELECT \(unescaped: watermarkColumns)")[0].decode((Int64, Int64, Int64).self)
        return IndexWatermark(units: UnitID(units), changes: changes, saves: saves)
    }

    static func setIndexWatermark(_ watermark: IndexWatermark, _ session: PostgresSession) throws {
        for (key, value) in [("indexed_through", watermark.units.rawValue), ("changes_through", watermark.changes), ("saves", watermark.saves)] {
            try setState(key, value, session)
        }
    }

    private static func setState(_ key: String, _ value: Int64, _ session: PostgresSession) throws {
        try session.run("INSERT INTO fuzzy_state(key, value) VALUES (\(key), \(value)) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
    }

    public func unitsHaveDates() throws(MemoryError) -> Bool {
        try reading { session in try session.value("SELECT EXISTS(SELECT 1 FROM unit WHERE latest_at IS NOT NULL)", as: Bool.self) ?? true }
    }

    public func indexableVariants(after: UnitID, through: UnitID, limit: Int) throws(MemoryError) -> IndexableBatch {
        let rows = try reading { session in
            try session.rows("""
                SELECT unit_id, position, lang, text FROM variant WHERE unit_id > \(after.rawValue) AND unit_id <= \(through.rawValue)
                ORDER BY unit_id, position LIMIT \(Int64(limit))
                """).map { try $0.decode((Int64, Int64, String, String).self) }
        }
        guard let last = rows.last else { return IndexableBatch(variants: [], through: through) }
        var whole = rows[...]
        var covered = UnitID(last.0)
        if rows.count == limit, rows[0].0 != covered.rawValue {
            // never split a unit between batches: its remaining variants come next time
            whole = rows.prefix { $0.0 != covered.rawValue }
            covered = UnitID(covered.rawValue - 1)
        }
        let variants = whole.compactMap { row -> IndexableVariant? in
            guard let key = VariantKey(unit: UnitID(row.0), position: Int(row.1)) else { return nil }
            return IndexableVariant(key: key, language: row.2, text: row.3)
        }
        return IndexableBatch(variants: variants, through: covered)
    }

    public func changedUnits(after: Int64, through: Int64) throws(MemoryError) -> [UnitID] {
        try reading { session in
            try session.column("SELECT DISTINCT unit_id FROM unit_change WHERE id > \(after) AND id <= \(through) ORDER BY unit_id",
                               as: Int64.self).map { UnitID($0) }
        }
    }

    public func indexableVariants(of units: [UnitID]) throws(MemoryError) -> [IndexableVariant] {
        let ids = Set(units).map(\.rawValue).sorted()
        return try reading { session in
            try session.rows("SELECT unit_id, position, lang, text FROM variant WHERE unit_id = ANY(\(ids)) ORDER BY unit_id, position").compactMap { row in
                let (unit, position, language, text) = try row.decode((Int64, Int64, String, String).self)
                return VariantKey(unit: UnitID(unit), position: Int(position)).map { IndexableVariant(key: $0, language: language, text: text) }
            }
        }
    }

    public func forEachVariant(language: String, _ body: (IndexableVariant) throws -> Void) throws(MemoryError) {
        try readingSnapshot { session in
            var after: (unit: Int64, position: Int64) = (Int64.min, 0)
            while true {
                let rows = try session.rows("""
                    SELECT unit_id, position, lang, text FROM variant WHERE (unit_id, position) > (\(after.unit), \(after.position))
                    ORDER BY unit_id, position LIMIT \(Self.variantsPerPage)
                    """)
                for row in rows {
                    let (unit, position, tag, text) = try row.decode((Int64, Int64, String, String).self)
                    after = (unit, position)
                    guard LanguageTag(tag)?.language == language, let key = VariantKey(unit: UnitID(unit), position: Int(position)) else { continue }
                    try body(IndexableVariant(key: key, language: tag, text: text))
                }
                if rows.count < Self.variantsPerPage { return }
            }
        }
    }

    public func withRankingReader<T>(_ body: (any RankingReader) throws -> T) throws(MemoryError) -> T {
        try readingSnapshot { session in
            let reader = PostgresRankingReader(session: session)
            let result = try body(reader)
            if let failure = reader.failure { throw failure }
            if let damaged = reader.damagedUnit {
                throw MemoryError.damaged(path: location, reason: "unit \(damaged.rawValue)'s text is not what was stored (its checksum differs)")
            }
            return result
        }
    }

    // MARK: The fuzzy index's own data

    public func indexFormat() throws(MemoryError) -> Int {
        try reading { session in Int(try session.value("SELECT value FROM fuzzy_state WHERE key = 'format'", as: Int64.self) ?? 0) }
    }

    public func resetIndex(to format: Int) throws(MemoryError) {
        try writing { session in
            guard try session.value("SELECT value FROM fuzzy_state WHERE key = 'format'", as: Int64.self) != Int64(format) else { return }
            let saves = try Self.indexWatermark(session).saves
            try session.script("DELETE FROM fuzzy_token; DELETE FROM fuzzy_chunk; DELETE FROM fuzzy_dead")
            try Self.setIndexWatermark(IndexWatermark(units: .none, changes: 0, saves: saves + 1), session)
            try Self.setState("format", Int64(format), session)
        }
    }

    public func indexedLanguages() throws(MemoryError) -> [String] {
        try reading { session in try session.column("SELECT DISTINCT lang FROM fuzzy_chunk ORDER BY lang", as: String.self) }
    }

    public func loadIndex(language: String, vocabulary: (String, UInt32) -> Void,
                          chunk: (UnsafeRawBufferPointer, UnsafeRawBufferPointer?) throws -> Void) throws(MemoryError) {
        try readingSnapshot { session in
            for row in try session.rows("SELECT token, id FROM fuzzy_token WHERE lang = \(language)") {
                let (token, stored) = try row.decode((String, Int64).self)
                guard let id = UInt32(exactly: stored) else { throw MemoryError.damagedIndex(path: location, language: language) }
                vocabulary(token, id)
            }
            // A chunk at a time, so that a large index is never all in flight at once.
            for number in try session.column("SELECT chunk FROM fuzzy_chunk WHERE lang = \(language) ORDER BY chunk", as: Int64.self) {
                guard let row = try session.rows("""
                    SELECT c.data, d.data FROM fuzzy_chunk c LEFT JOIN fuzzy_dead d ON d.lang = c.lang AND d.chunk = c.chunk
                    WHERE c.lang = \(language) AND c.chunk = \(number)
                    """).first else { continue }
                let (data, dead) = try row.decode((ByteBuffer, ByteBuffer?).self)
                try data.withUnsafeReadableBytes { bytes in
                    if let dead {
                        try dead.withUnsafeReadableBytes { bits in try chunk(bytes, bits) }
                    } else {
                        try chunk(bytes, nil)
                    }
                }
            }
        }
    }

    public func saveIndex(_ changes: [IndexChanges], replacing base: IndexWatermark, through: IndexWatermark,
                          replacingAll: Bool) throws(MemoryError) -> Bool {
        try writing { session in
            guard try Self.indexWatermark(session) == base else { return false }
            if replacingAll { try session.script("DELETE FROM fuzzy_token; DELETE FROM fuzzy_chunk; DELETE FROM fuzzy_dead") }
            for change in changes {
                var start = 0
                while start < change.newTokens.count {
                    let slice = change.newTokens[start..<min(start + Self.tokensPerInsert, change.newTokens.count)]
                    let tokens = slice.map(\.token), ids = slice.map { Int64($0.id) }
                    try session.run("INSERT INTO fuzzy_token(lang, token, id) SELECT \(change.language), * FROM unnest(\(tokens)::text[], \(ids)::bigint[])")
                    start += Self.tokensPerInsert
                }
                for chunk in change.chunks {
                    let data = ByteBuffer(bytes: chunk.encode())
                    try session.run("""
                        INSERT INTO fuzzy_chunk(lang, chunk, documents, data) VALUES (\(change.language), \(Int64(chunk.number)), \(Int64(chunk.documents)), \(data))
                        ON CONFLICT(lang, chunk) DO UPDATE SET documents = excluded.documents, data = excluded.data
                        """)
                }
                for dead in change.deadDocuments {
                    if dead.bits.isEmpty {
                        try session.run("DELETE FROM fuzzy_dead WHERE lang = \(change.language) AND chunk = \(Int64(dead.chunk))")
                    } else {
                        try session.run("""
                            INSERT INTO fuzzy_dead(lang, chunk, data) VALUES (\(change.language), \(Int64(dead.chunk)), \(ByteBuffer(bytes: dead.bits)))
                            ON CONFLICT(lang, chunk) DO UPDATE SET data = excluded.data
                            """)
                    }
                }
            }
            try Self.setIndexWatermark(IndexWatermark(units: through.units, changes: through.changes, saves: base.saves + 1), session)
            return true
        }
    }
}
