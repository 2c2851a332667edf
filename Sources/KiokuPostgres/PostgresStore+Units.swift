import Foundation
import KiokuFormats
import KiokuMemory
import KiokuText
import PostgresNIO

extension PostgresStore {
    /// How many units one round trip of a streaming read brings.
    static let unitsPerPage: Int64 = 2_000
    /// A page of whole units: those after $1 up to $2, at most $3 of them.
    static let unitPage = PostgresUnitRows.select(where: "WHERE u.id IN (SELECT id FROM unit WHERE id > $1 AND id <= $2 ORDER BY id LIMIT $3)")

    public func unitCount() throws(MemoryError) -> Int {
        try reading { session in Int(try session.value("SELECT count(*) FROM unit", as: Int64.self) ?? 0) }
    }

    /// One unit, checked against the content hash it was stored with.
    public func unit(_ id: UnitID) throws(MemoryError) -> StoredUnit? {
        var found: StoredUnit?
        try readUnits(ids: id...id, languages: nil, checkingContent: true, changed: { unit throws(MemoryError) in
            throw MemoryError.damaged(path: self.location, reason: "unit \(unit.id.rawValue)'s text is not what was stored (its checksum differs)")
        }) { found = $0 }
        return found
    }

    public func forEachUnit(ids: ClosedRange<UnitID>?, languages: [LanguageTag]?,
                            _ body: (StoredUnit) throws -> Void) throws(MemoryError) {
        try readUnits(ids: ids, languages: languages, checkingContent: false, changed: nil, body)
    }

    /// Units in id order, a page of ``unitsPerPage`` units per round trip, all from one
    /// snapshot; with `checkingContent`, a unit whose content no longer hashes to the stored
    /// hash goes to `changed` (which may throw) instead of `body`.
    func readUnits(ids: ClosedRange<UnitID>?, languages: [LanguageTag]?, checkingContent: Bool,
                   changed: ((StoredUnit) throws(MemoryError) -> Void)?, _ body: (StoredUnit) throws -> Void) throws(MemoryError) {
        let low = ids?.lowerBound.rawValue ?? Int64.min, high = ids?.upperBound.rawValue ?? Int64.max
        try readingSnapshot { session in
            var after = low == Int64.min ? Int64.min : low - 1
            while true {
                var binds = PostgresBindings()
                binds.append(after); binds.append(high); binds.append(Self.unitsPerPage)
                let rows = try session.rows(PostgresQuery(unsafeSQL: Self.unitPage, binds: binds))
                var assembler = PostgresUnitRows(checksContent: checkingContent)
                var last: Int64?
                func emit(_ finished: PostgresUnitRows.Finished?) throws {
                    guard let finished else { return }
                    last = finished.unit.id.rawValue
                    try StoredUnit.deliver(finished.unit, intact: finished.intact, languages: languages, changed: changed, to: body)
                }
                for row in rows { try emit(try assembler.add(row)) }
                try emit(assembler.finish())
                guard let last, last < high else { return }
                after = last
            }
        }
    }

    public func dominantSourceLanguage() throws(MemoryError) -> LanguageTag? {
        try reading { session in
            try session.value("""
                SELECT source_lang FROM unit WHERE source_lang IS NOT NULL GROUP BY source_lang ORDER BY count(*) DESC, source_lang LIMIT 1
                """, as: String.self)
        }.flatMap(LanguageTag.init)
    }

    public func existingUnits(_ ids: [UnitID]) throws(MemoryError) -> [UnitID] {
        let wanted = Set(ids).map(\.rawValue).sorted()
        return try reading { session in
            try session.column("SELECT id FROM unit WHERE id = ANY(\(wanted)) ORDER BY id", as: Int64.self).map { UnitID($0) }
        }
    }

    public func units(fromOrigin origin: String) throws(MemoryError) -> [UnitID] {
        try reading { session in
            try session.column("SELECT u.id FROM unit u JOIN origin o ON o.id = u.origin_id WHERE o.path = \(origin) ORDER BY u.id",
                               as: Int64.self).map { UnitID($0) }
        }
    }

    public func history(of unit: UnitID) throws(MemoryError) -> [VariantRevision] {
        try reading { session in
            try session.rows("""
                SELECT lang, text, markup, replaced_at, replaced_by FROM variant_history WHERE unit_id = \(unit.rawValue) ORDER BY id
                """).map { row in
                let (language, text, markup, date, user) = try row.decode((String, String, String?, String, String?).self)
                return VariantRevision(unitID: unit, language: language, text: text, markup: markup, replaced: ChangeStamp(date: date, user: user))
            }
        }
    }

    public func forEachRevision(_ body: (VariantRevision) throws -> Void) throws(MemoryError) {
        try readingSnapshot { session in
            var after: Int64 = 0
            while true {
                let rows = try session.rows("""
                    SELECT id, unit_id, lang, text, markup, replaced_at, replaced_by FROM variant_history WHERE id > \(after) ORDER BY id LIMIT \(Self.unitsPerPage)
                    """)
                for row in rows {
                    let (id, unit, language, text, markup, date, user) = try row.decode((Int64, Int64, String, String, String?, String, String?).self)
                    after = id
                    try body(VariantRevision(unitID: UnitID(unit), language: language, text: text, markup: markup, replaced: ChangeStamp(date: date, user: user)))
                }
                if Int64(rows.count) < Self.unitsPerPage { return }
            }
        }
    }

    public func statistics() throws(MemoryError) -> MemoryStatistics {
        try readingSnapshot { session in
            let units = Int(try session.value("SELECT count(*) FROM unit", as: Int64.self) ?? 0)
            let segments = Int(try session.value("SELECT count(*) FROM variant", as: Int64.self) ?? 0)
            let languages = try session.rows("SELECT lang, count(*) FROM variant GROUP BY lang ORDER BY count(*) DESC, lang").map { row in
                let (language, count) = try row.decode((String, Int64).self)
                return MemoryStatistics.LanguageCount(language: language, segments: Int(count))
            }
            let pairs = try session.rows("""
                SELECT a.lang, b.lang, count(*) FROM variant a JOIN variant b ON a.unit_id = b.unit_id AND a.lang < b.lang
                GROUP BY a.lang, b.lang ORDER BY 3 DESC, 1, 2
                """).map { row in
                let (first, second, count) = try row.decode((String, String, Int64).self)
                return MemoryStatistics.PairCount(languages: [first, second], units: Int(count))
            }
            let origins = try session.rows("""
                SELECT o.path, count(u.id), o.imported_at FROM origin o LEFT JOIN unit u ON u.origin_id = o.id GROUP BY o.id ORDER BY o.id
                """).map { row in
                let (path, count, importedAt) = try row.decode((String, Int64, String).self)
                return MemoryStatistics.OriginCount(path: path, units: Int(count), importedAt: importedAt)
            }
            let withMarkup = Int(try session.value("SELECT count(DISTINCT unit_id) FROM variant WHERE markup IS NOT NULL", as: Int64.self) ?? 0)
            return MemoryStatistics(path: location, units: units, segments: segments, languages: languages, pairs: pairs,
                                    origins: origins, fileBytes: try Self.storedBytes(session), unitsWithMarkup: withMarkup)
        }
    }

    public func storedBytes() throws(MemoryError) -> Int64 {
        try readingSnapshot { session in try Self.storedBytes(session) }
    }

    /// What Kioku's tables take in the database, indexes and TOAST included.
    private static func storedBytes(_ session: PostgresSession) throws -> Int64 {
        try session.value("""
            SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind = 'r'
            """, as: Int64.self) ?? 0
    }

    // MARK: The stored glossary

    public func glossaryRecords() throws(MemoryError) -> [GlossaryRecord] {
        try reading { session in
            try session.rows("SELECT id, data FROM glossary_concept ORDER BY position").map { row in
                let (id, data) = try row.decode((String, String).self)
                return GlossaryRecord(id: id, document: data)
            }
        }
    }
}
