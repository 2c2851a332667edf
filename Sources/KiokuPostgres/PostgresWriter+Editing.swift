import KiokuFormats
import KiokuMemory
import KiokuText
import PostgresNIO

extension PostgresWriter {
    func delete(_ unit: UnitID, stamp: ChangeStamp) throws(MemoryError) -> Bool {
        try flush()
        forgetKnownHashes()
        let variants = try variants(of: unit)
        return try failing {
            guard try session.run("DELETE FROM unit WHERE id = \(unit.rawValue)") > 0 else { return false }
            try session.run("DELETE FROM variant WHERE unit_id = \(unit.rawValue)")
            try dropPairs(of: unit, TranslationUnit(variants: variants))
            try session.run("DELETE FROM variant_history WHERE unit_id = \(unit.rawValue)")
            try recordChange("delete", of: unit, stamp: stamp)
            return true
        }
    }

    func replaceVariant(of unit: UnitID, position: Int, with segment: Segment, stamp: ChangeStamp) throws(MemoryError) {
        try flush()
        forgetKnownHashes()
        try failing {
            let rows = try session.rows("SELECT position, lang, text, markup FROM variant WHERE unit_id = \(unit.rawValue) ORDER BY position")
                .map { try $0.decode((Int64, String, String, String?).self) }
            guard let old = rows.first(where: { $0.0 == Int64(position) }) else { throw MemoryError.noSuchUnit(path: location, id: unit) }
            try session.run("""
                INSERT INTO variant_history(unit_id, lang, text, markup, replaced_at, replaced_by)
                VALUES (\(unit.rawValue), \(old.1), \(old.2), \(old.3), \(stamp.date), \(stamp.user))
                """)
            try session.run("""
                UPDATE variant SET text = \(segment.text), markup = \(segment.markup) WHERE unit_id = \(unit.rawValue) AND position = \(Int64(position))
                """)
            // The unit's identity follows its new text: its content hash, and the pairs a richer unit is found by.
            let before = TranslationUnit(variants: rows.compactMap { row in
                LanguageTag(row.1).map { Variant(language: $0, segment: Segment(text: row.2, markup: row.3)) }
            })
            let edited = TranslationUnit(variants: rows.compactMap { row in
                LanguageTag(row.1).map { Variant(language: $0, segment: row.0 == Int64(position) ? segment : Segment(text: row.2, markup: row.3)) }
            })
            try session.run("""
                UPDATE unit SET content_hash = \(ContentHash.of(edited)), changed_at = \(stamp.date), changed_by = \(stamp.user),
                    latest_at = greatest(coalesce(latest_at, ''), \(Metadata.sortKey(ofDate: stamp.date))) WHERE id = \(unit.rawValue)
                """)
            try dropPairs(of: unit, before)
            if edited.variants.count >= 3 {
                for pair in Set(ContentHash.pairs(of: edited)) {
                    try session.run("INSERT INTO unit_pair(hash, unit_id) VALUES (\(pair), \(unit.rawValue)) ON CONFLICT DO NOTHING")
                }
            }
            try recordChange("edit", of: unit, stamp: stamp)
        }
    }

    /// Drops a unit's pair hashes, found by their key (hash, unit).
    private func dropPairs(of unit: UnitID, _ stored: TranslationUnit) throws {
        guard stored.variants.count >= 3 else { return }
        let hashes = Set(ContentHash.pairs(of: stored)).sorted()
        try session.run("DELETE FROM unit_pair WHERE hash = ANY(\(hashes)) AND unit_id = \(unit.rawValue)")
    }

    private func recordChange(_ kind: String, of unit: UnitID, stamp: ChangeStamp) throws {
        try session.run("INSERT INTO unit_change(unit_id, kind, changed_at, changed_by) VALUES (\(unit.rawValue), \(kind), \(stamp.date), \(stamp.user))")
    }
}
