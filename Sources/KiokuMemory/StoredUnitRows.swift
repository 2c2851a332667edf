import GRDBSQLite
import KiokuFormats
import KiokuText

/// Assembles ``StoredUnit``s from the rows of ``select(where:)`` — one row per variant, in
/// unit then position order — read with the SQLite C API: both a lookup's winners and a
/// whole export go through it, so it decodes columns without GRDB's row objects.
struct StoredUnitRows {
    /// The unit being assembled, the content hash it was stored with, and its variants' positions.
    private var current: (unit: StoredUnit, storedHash: Int64, positions: [Int64])?
    /// Whether each unit's content is hashed again and compared with the stored hash.
    let checksContent: Bool
    /// Whether each variant's stored position is kept (``Finished/positions``).
    let keepsPositions: Bool

    init(checksContent: Bool, keepsPositions: Bool = false) {
        self.checksContent = checksContent
        self.keepsPositions = keepsPositions
    }

    /// The query, with `condition` (e.g. `WHERE u.id = ?`) on the unit table `u`; its last
    /// column is the variant's stored position.
    static func select(where condition: String) -> String {
        typealias U = UnitTable; typealias V = VariantTable; typealias O = OriginTable
        return """
            SELECT u.\(U.id), u.\(U.sourceLanguage), u.\(U.createdAt), u.\(U.createdBy), u.\(U.changedAt), u.\(U.changedBy), u.\(U.extra),
                   o.\(O.path), v.\(V.language), v.\(V.text), v.\(V.markup), v.\(V.extra), u.\(U.contentHash), v.\(V.position)
            FROM \(U.name) u JOIN \(V.name) v ON v.\(V.unitID) = u.\(U.id) LEFT JOIN \(O.name) o ON o.\(O.id) = u.\(U.originID)
            \(condition)
            ORDER BY u.\(U.id), v.\(V.position)
            """
    }

    /// A finished unit, with whether its content still hashes to what was stored (true when not checked).
    struct Finished {
        var unit: StoredUnit
        var intact: Bool
        /// The stored position of each variant of `unit` (empty unless the rows keep positions).
        var positions: [Int64]
    }

    /// Takes the statement's current row; returns the previous unit when this row starts another.
    mutating func add(_ s: OpaquePointer) -> Finished? {
        let id = UnitID(sqlite3_column_int64(s, 0))
        var finished: Finished?
        if current?.unit.id != id {
            finished = finish()
            var metadata = Metadata(creationDate: columnOptionalText(s, 2), creationUser: columnOptionalText(s, 3),
                                    changeDate: columnOptionalText(s, 4), changeUser: columnOptionalText(s, 5))
            StoredExtras.decode(columnOptionalText(s, 6), into: &metadata)
            let source = columnOptionalText(s, 1).flatMap(LanguageTag.init)
            current = (StoredUnit(id: id, origin: columnOptionalText(s, 7),
                                  unit: TranslationUnit(variants: [], sourceLanguage: source, metadata: metadata)),
                       sqlite3_column_int64(s, 12), [])
        }
        if let language = LanguageTag(columnText(s, 8)) {
            current?.unit.unit.variants.append(Variant(language: language, segment: Segment(text: columnText(s, 9), markup: columnOptionalText(s, 10)),
                                                       metadata: StoredExtras.decodeVariant(columnOptionalText(s, 11))))
            if keepsPositions { current?.positions.append(sqlite3_column_int64(s, 13)) }
        }
        return finished
    }

    /// The unit being assembled, when the rows have ended.
    mutating func finish() -> Finished? {
        defer { current = nil }
        return current.map { Finished(unit: $0.unit, intact: !checksContent || ContentHash.of($0.unit.unit) == $0.storedHash, positions: $0.positions) }
    }
}
