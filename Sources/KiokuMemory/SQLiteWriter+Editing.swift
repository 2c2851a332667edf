import GRDB
import KiokuFormats
import KiokuText

extension SQLiteWriter {
    func delete(_ unit: UnitID, stamp: ChangeStamp) throws(MemoryError) -> Bool {
        typealias U = UnitTable; typealias V = VariantTable; typealias H = HistoryTable
        let variants = try variants(of: unit)
        return try failing {
            try db.execute(sql: "DELETE FROM \(U.name) WHERE \(U.id) = ?", arguments: [unit.rawValue])
            guard db.changesCount > 0 else { return false }
            try db.execute(sql: "DELETE FROM \(V.name) WHERE \(V.unitID) = ?", arguments: [unit.rawValue])
            try dropPairs(of: unit, TranslationUnit(variants: variants))
            try db.execute(sql: "DELETE FROM \(H.name) WHERE \(H.unitID) = ?", arguments: [unit.rawValue])
            try recordChange(ChangeTable.delete, of: unit, stamp: stamp)
            return true
        }
    }

    func replaceVariant(of unit: UnitID, position: Int, with segment: Segment, stamp: ChangeStamp) throws(MemoryError) {
        typealias U = UnitTable; typealias V = VariantTable; typealias P = UnitPairTable; typealias H = HistoryTable
        try failing {
            let rows = try Row.fetchAll(db, sql: "SELECT \(V.position), \(V.language), \(V.text), \(V.markup) FROM \(V.name) WHERE \(V.unitID) = ? ORDER BY \(V.position)",
                                        arguments: [unit.rawValue])
            guard let old = rows.first(where: { ($0[0] as Int64) == Int64(position) }) else {
                throw MemoryError.noSuchUnit(path: path, id: unit)
            }
            try db.execute(sql: """
                INSERT INTO \(H.name)(\(H.unitID), \(H.language), \(H.text), \(H.markup), \(H.replacedAt), \(H.replacedBy)) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [unit.rawValue, old[1] as String, old[2] as String, old[3] as String?, stamp.date, stamp.user])
            try db.execute(sql: "UPDATE \(V.name) SET \(V.text) = ?, \(V.markup) = ? WHERE \(V.unitID) = ? AND \(V.position) = ?",
                           arguments: [segment.text, segment.markup, unit.rawValue, position])
            // The unit's identity follows its new text: its content hash, and the pairs a richer unit is found by.
            let variants = rows.compactMap { row -> Variant? in
                guard let language = LanguageTag(row[1] as String) else { return nil }
                let text = (row[0] as Int64) == Int64(position) ? segment : Segment(text: row[2], markup: row[3])
                return Variant(language: language, segment: text)
            }
            let edited = TranslationUnit(variants: variants)
            let before = TranslationUnit(variants: rows.compactMap { row in
                LanguageTag(row[1] as String).map { Variant(language: $0, segment: Segment(text: row[2], markup: row[3])) }
            })
            try db.execute(sql: """
                UPDATE \(U.name) SET \(U.contentHash) = ?, \(U.changedAt) = ?, \(U.changedBy) = ?,
                    \(U.latestAt) = max(coalesce(\(U.latestAt), ''), ?) WHERE \(U.id) = ?
                """, arguments: [ContentHash.of(edited), stamp.date, stamp.user, Metadata.sortKey(ofDate: stamp.date), unit.rawValue])
            try dropPairs(of: unit, before)
            if variants.count >= 3 {
                for pair in Set(ContentHash.pairs(of: edited)) {
                    try db.execute(sql: "INSERT OR IGNORE INTO \(P.name)(\(P.hash), \(P.unitID)) VALUES (?, ?)", arguments: [pair, unit.rawValue])
                }
            }
            try recordChange(ChangeTable.edit, of: unit, stamp: stamp)
        }
    }

    /// Drops a unit's pair hashes, found by their key (hash, unit) — not by unit, which has no
    /// index: in a TM of a million three-language units that would read every pair.
    private func dropPairs(of unit: UnitID, _ stored: TranslationUnit) throws {
        typealias P = UnitPairTable
        guard stored.variants.count >= 3 else { return }
        let drop = try db.cachedStatement(sql: "DELETE FROM \(P.name) WHERE \(P.hash) = ? AND \(P.unitID) = ?")
        for pair in Set(ContentHash.pairs(of: stored)) { try drop.execute(arguments: [pair, unit.rawValue]) }
    }

    private func recordChange(_ kind: String, of unit: UnitID, stamp: ChangeStamp) throws {
        typealias C = ChangeTable
        try db.execute(sql: "INSERT INTO \(C.name)(\(C.unitID), \(C.kind), \(C.changedAt), \(C.changedBy)) VALUES (?, ?, ?, ?)",
                       arguments: [unit.rawValue, kind, stamp.date, stamp.user])
    }
}
