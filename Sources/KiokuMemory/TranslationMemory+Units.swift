import GRDB
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
        typealias U = UnitTable; typealias V = VariantTable; typealias O = OriginTable
        let condition = ids == nil ? "" : "WHERE u.\(U.id) BETWEEN ? AND ?"
        let arguments: StatementArguments = ids.map { [$0.lowerBound.rawValue, $0.upperBound.rawValue] } ?? []
        try reading { db in
            let statement = try db.cachedStatement(sql: """
                SELECT u.\(U.id), u.\(U.sourceLanguage), u.\(U.createdAt), u.\(U.createdBy), u.\(U.changedAt), u.\(U.changedBy), u.\(U.extra),
                       o.\(O.path), v.\(V.language), v.\(V.text), v.\(V.markup), v.\(V.extra), u.\(U.contentHash)
                FROM \(U.name) u JOIN \(V.name) v ON v.\(V.unitID) = u.\(U.id) LEFT JOIN \(O.name) o ON o.\(O.id) = u.\(U.originID)
                \(condition)
                ORDER BY u.\(U.id), v.\(V.position)
                """)
            let rows = try Row.fetchCursor(statement, arguments: arguments)
            var current: StoredUnit?
            var storedHash: Int64 = 0
            func emit() throws {
                guard var stored = current else { return }
                if let changed, ContentHash.of(stored.unit) != storedHash {
                    try changed(stored)
                    return
                }
                if let languages {
                    stored.unit.variants.removeAll { variant in !languages.contains { $0.covers(variant.language) } }
                    guard stored.unit.variants.count >= 2 else { return }
                }
                try body(stored)
            }
            while let row = try rows.next() {
                let id = UnitID(row[0] as Int64)
                if current?.id != id {
                    try emit()
                    var metadata = Metadata(creationDate: row[2], creationUser: row[3], changeDate: row[4], changeUser: row[5])
                    StoredExtras.decode(row[6], into: &metadata)
                    let source = (row[1] as String?).flatMap(LanguageTag.init)
                    current = StoredUnit(id: id, origin: row[7], unit: TranslationUnit(variants: [], sourceLanguage: source, metadata: metadata))
                    storedHash = row[12]
                }
                guard let language = LanguageTag(row[8] as String) else { continue }
                current?.unit.variants.append(Variant(language: language, segment: Segment(text: row[9], markup: row[10]),
                                                      metadata: StoredExtras.decodeVariant(row[11])))
            }
            try emit()
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
