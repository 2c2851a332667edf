import GRDB
import KiokuFormats
import KiokuText

extension TranslationMemory {
    /// Calls `body` with every unit in id order, streaming (the TM is never loaded whole).
    ///
    /// - Parameter languages: when given, each unit keeps only variants in these languages
    ///   (`ru` covers `ru-RU`), and units left with fewer than two are passed over.
    public func forEachUnit(languages: [LanguageTag]? = nil, _ body: (StoredUnit) throws -> Void) throws(MemoryError) {
        try streamUnits(condition: "", arguments: [], languages: languages, body)
    }

    private func streamUnits(condition: String, arguments: StatementArguments, languages: [LanguageTag]?,
                             _ body: (StoredUnit) throws -> Void) throws(MemoryError) {
        do {
            try database.read { db in
                let statement = try db.cachedStatement(sql: """
                    SELECT u.id, u.source_lang, u.created_at, u.created_by, u.changed_at, u.changed_by, u.extra AS unit_extra,
                           o.path, v.lang, v.text, v.markup, v.extra
                    FROM unit u JOIN variant v ON v.unit_id = u.id LEFT JOIN origin o ON o.id = u.origin_id
                    \(condition)
                    ORDER BY u.id, v.position
                    """)
                let rows = try Row.fetchCursor(statement, arguments: arguments)
                var current: StoredUnit?
                func emit() throws {
                    guard var stored = current else { return }
                    if let languages {
                        stored.unit.variants.removeAll { variant in !languages.contains { $0.covers(variant.language) } }
                        guard stored.unit.variants.count >= 2 else { return }
                    }
                    try body(stored)
                }
                while let row = try rows.next() {
                    let id: Int64 = row[0]
                    if current?.id != id {
                        try emit()
                        var metadata = Metadata(creationDate: row[2], creationUser: row[3], changeDate: row[4], changeUser: row[5])
                        StoredExtras.decode(row[6], into: &metadata)
                        let source = (row[1] as String?).flatMap(LanguageTag.init)
                        current = StoredUnit(id: id, origin: row[7], unit: TranslationUnit(variants: [], sourceLanguage: source, metadata: metadata))
                    }
                    guard let language = LanguageTag(row[8] as String) else { continue }
                    current?.unit.variants.append(Variant(language: language, segment: Segment(text: row[9], markup: row[10]),
                                                          metadata: StoredExtras.decodeVariant(row[11])))
                }
                try emit()
            }
        } catch {
            throw databaseError(error)
        }
    }

    /// One unit by id, or nil when there is none.
    public func unit(id: Int64) throws(MemoryError) -> StoredUnit? {
        var found: StoredUnit?
        try streamUnits(condition: "WHERE u.id = ?", arguments: [id], languages: nil) { found = $0 }
        return found
    }

    /// All units, for small TMs and tests.
    public func allUnits(languages: [LanguageTag]? = nil) throws(MemoryError) -> [StoredUnit] {
        var units: [StoredUnit] = []
        try forEachUnit(languages: languages) { units.append($0) }
        return units
    }
}
