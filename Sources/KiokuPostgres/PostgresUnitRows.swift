import KiokuFormats
import KiokuMemory
import KiokuText
import PostgresNIO

/// Assembles `StoredUnit`s from the rows of ``select(where:)``: one row per variant, in
/// unit then position order, as the SQLite store's reader does for its own rows.
struct PostgresUnitRows {
    private var current: (unit: StoredUnit, storedHash: Int64)?
    /// Whether each unit's content is hashed again and compared with the stored hash.
    let checksContent: Bool

    init(checksContent: Bool) {
        self.checksContent = checksContent
    }

    /// The query, with `condition` (e.g. `WHERE u.id = $1`) on the unit table `u`.
    static func select(where condition: String) -> String {
        """
        SELECT u.id, u.source_lang, u.created_at, u.created_by, u.changed_at, u.changed_by, u.extra,
               o.path, v.lang, v.text, v.markup, v.extra, u.content_hash, v.position, coalesce(u.latest_at, '')
        FROM unit u JOIN variant v ON v.unit_id = u.id LEFT JOIN origin o ON o.id = u.origin_id
        \(condition)
        ORDER BY u.id, v.position
        """
    }

    /// A finished unit, with whether its content still hashes to what was stored (true when not
    /// checked), its variants' positions and its recency (`latest_at`, "" when none), for ranking.
    struct Finished {
        var unit: StoredUnit
        var intact: Bool
        var positions: [Int64]
        var recency: String
        /// The unit's metadata JSON, for ranking's context check.
        var extra: String?
    }

    private var positions: [Int64] = []
    private var recency = "", extra: String?

    /// Takes a row; returns the previous unit when this row starts another.
    mutating func add(_ row: PostgresRow) throws -> Finished? {
        let (id, source, createdAt, createdBy, changedAt, changedBy, extra, origin, language, text, markup, variantExtra, hash, position, recency) =
            try row.decode((Int64, String?, String?, String?, String?, String?, String?, String?, String, String, String?, String?, Int64, Int64, String).self)
        var finished: Finished?
        if current?.unit.id.rawValue != id {
            finished = finish()
            var metadata = Metadata(creationDate: createdAt, creationUser: createdBy, changeDate: changedAt, changeUser: changedBy)
            StoredExtras.decode(extra, into: &metadata)
            current = (StoredUnit(id: UnitID(id), origin: origin,
                                  unit: TranslationUnit(variants: [], sourceLanguage: source.flatMap(LanguageTag.init), metadata: metadata)), hash)
            (self.recency, self.extra) = (recency, extra)
        }
        if let tag = LanguageTag(language) {
            positions.append(position)
            current?.unit.unit.variants.append(Variant(language: tag, segment: Segment(text: text, markup: markup),
                                                       metadata: StoredExtras.decodeVariant(variantExtra)))
        }
        return finished
    }

    /// The unit being assembled, when the rows have ended.
    mutating func finish() -> Finished? {
        defer { current = nil; positions = [] }
        return current.map {
            Finished(unit: $0.unit, intact: !checksContent || ContentHash.of($0.unit.unit) == $0.storedHash, positions: positions,
                     recency: recency, extra: extra)
        }
    }
}
