import KiokuFormats
import KiokuMemory
import KiokuText
import PostgresNIO

/// The PostgreSQL store's writes inside one transaction. New units are gathered and sent a
/// batch at a time (units, variants and pair hashes as JSON arrays the server unpacks), so
/// that an import pays one round trip per batch for its inserts, not one per row. The reads
/// an import makes to find duplicates see the gathered units as well as the stored ones.
final class PostgresWriter: MemoryWriter {
    let session: PostgresSession
    let location: String
    /// Units gathered before a round trip sends them.
    static let unitsPerBatch = 1_000
    /// The id the next inserted unit gets: above every unit there is and every unit deleted.
    private var nextUnitID: Int64?
    private var pending = PendingUnits()
    /// Units this transaction inserted (a bulk load is followed by fresh planner statistics).
    private(set) var insertedUnits = 0
    /// What the database held for hashes announced by ``expect(contentHashes:pairHashes:)``
    /// (an empty list: none), and the units this transaction inserted by hash: together they
    /// answer the duplicate checks of an import without a round trip per unit.
    private var known = KnownHashes()

    private struct KnownHashes {
        var stored: [Int64: [UnitID]] = [:]
        var storedPairs: [Int64: [UnitID]] = [:]
        var inserted: [Int64: [UnitID]] = [:]
        var insertedPairs: [Int64: [UnitID]] = [:]
    }

    /// Units inserted in this transaction and not yet sent, with what finds them again.
    private struct PendingUnits {
        var units = JSONText(), variants = JSONText(), pairs = JSONText()
        var count = 0
        var variantsByUnit: [UnitID: [Variant]] = [:]
    }

    init(session: PostgresSession, location: String) {
        self.session = session
        self.location = location
    }

    func failing<T>(_ body: () throws -> T) throws(MemoryError) -> T {
        do { return try body() } catch { throw PostgresStore.storeError(error, location: location, writing: true) }
    }

    func recordOrigin(_ path: String, importedAt: String) throws(MemoryError) -> OriginID {
        try failing {
            let id = try session.value("""
                INSERT INTO origin(path, imported_at) VALUES (\(path), \(importedAt))
                ON CONFLICT(path) DO UPDATE SET imported_at = excluded.imported_at RETURNING id
                """, as: Int64.self)
            return OriginID(rawValue: id ?? 0)
        }
    }

    func expect(contentHashes: [Int64], pairHashes: [Int64]) throws(MemoryError) {
        let hashes = Array(Set(contentHashes).subtracting(known.stored.keys))
        let pairs = Array(Set(pairHashes).subtracting(known.storedPairs.keys))
        try failing {
            for hash in hashes { known.stored[hash] = [] }
            for row in try session.rows("SELECT content_hash, id FROM unit WHERE content_hash = ANY(\(hashes)) ORDER BY id") {
                let (hash, id) = try row.decode((Int64, Int64).self)
                known.stored[hash, default: []].append(UnitID(id))
            }
            for pair in pairs { known.storedPairs[pair] = [] }
            for row in try session.rows("SELECT hash, unit_id FROM unit_pair WHERE hash = ANY(\(pairs)) ORDER BY unit_id") {
                let (hash, id) = try row.decode((Int64, Int64).self)
                known.storedPairs[hash, default: []].append(UnitID(id))
            }
        }
    }

    func units(withContentHash hash: Int64) throws(MemoryError) -> [UnitID] {
        try units(hash, known: known.stored[hash], inserted: known.inserted[hash], "SELECT id FROM unit WHERE content_hash = \(hash)")
    }

    func units(containingPair hash: Int64) throws(MemoryError) -> [UnitID] {
        try units(hash, known: known.storedPairs[hash], inserted: known.insertedPairs[hash], "SELECT unit_id FROM unit_pair WHERE hash = \(hash)")
    }

    /// The units a hash finds: those the database held when the hash was announced (else a
    /// query, which sees what this transaction sent as well) and those inserted since, each once.
    private func units(_ hash: Int64, known stored: [UnitID]?, inserted: [UnitID]?, _ query: PostgresQuery) throws(MemoryError) -> [UnitID] {
        if let stored { return stored + (inserted ?? []) }
        let found = try failing { try session.column(query, as: Int64.self).map { UnitID($0) } }
        return Array(Set(found + (inserted ?? []))).sorted()
    }

    func variants(of unit: UnitID) throws(MemoryError) -> [Variant] {
        if let gathered = pending.variantsByUnit[unit] { return gathered }
        return try failing {
            try session.rows("SELECT lang, text, markup FROM variant WHERE unit_id = \(unit.rawValue) ORDER BY position").compactMap { row in
                let (language, text, markup) = try row.decode((String, String, String?).self)
                return LanguageTag(language).map { Variant(language: $0, segment: Segment(text: text, markup: markup)) }
            }
        }
    }

    func insert(_ unit: TranslationUnit, contentHash: Int64, origin: OriginID) throws(MemoryError) -> UnitID {
        let unitID = try nextID()
        nextUnitID = unitID + 1
        try gather(unit, contentHash: contentHash, origin: origin, id: UnitID(unitID))
        return UnitID(unitID)
    }

    func insert(_ unit: TranslationUnit, contentHash: Int64, origin: OriginID, id: UnitID) throws(MemoryError) {
        nextUnitID = max(try nextID(), id.rawValue + 1)
        try gather(unit, contentHash: contentHash, origin: origin, id: id)
    }

    func recordRevision(_ revision: VariantRevision) throws(MemoryError) {
        try flush()
        try failing {
            try session.run("""
                INSERT INTO variant_history(unit_id, lang, text, markup, replaced_at, replaced_by) VALUES (\(revision.unitID.rawValue),
                    \(revision.language), \(revision.text), \(revision.markup), \(revision.replaced.date), \(revision.replaced.user))
                """)
        }
    }

    /// The id the next new unit gets.
    private func nextID() throws(MemoryError) -> Int64 {
        if let nextUnitID { return nextUnitID }
        return try failing { try Self.highestUnitID(session) + 1 }
    }

    /// Adds a unit to the ones the next round trip sends.
    private func gather(_ unit: TranslationUnit, contentHash: Int64, origin: OriginID, id: UnitID) throws(MemoryError) {
        let unitID = id.rawValue
        let metadata = unit.metadata
        pending.units.array([()]) { json, _ in
            json.number(unitID)
            json.string(unit.sourceLanguage?.identifier)
            json.number(origin.rawValue)
            json.string(metadata.creationDate); json.string(metadata.creationUser)
            json.string(metadata.changeDate); json.string(metadata.changeUser)
            json.string(StoredExtras.encode(Metadata(notes: metadata.notes, properties: metadata.properties, attributes: metadata.attributes)))
            json.number(contentHash)
            json.string(unit.latestDate.map(Metadata.sortKey(ofDate:)))
        }
        for (position, variant) in unit.variants.enumerated() {
            pending.variants.array([()]) { json, _ in
                json.number(unitID)
                json.number(Int64(position))
                json.string(variant.language.identifier)
                json.string(variant.segment.text)
                json.string(variant.segment.markup)
                json.string(StoredExtras.encodeVariant(variant.metadata))
            }
        }
        if unit.variants.count >= 3 {
            for pair in Set(ContentHash.pairs(of: unit)) {
                pending.pairs.array([()]) { json, _ in json.number(pair); json.number(unitID) }
                known.insertedPairs[pair, default: []].append(id)
            }
        }
        known.inserted[contentHash, default: []].append(id)
        pending.variantsByUnit[id] = unit.variants.map { Variant(language: $0.language, segment: $0.segment) }
        pending.count += 1
        insertedUnits += 1
        if pending.count >= Self.unitsPerBatch { try flush() }
    }

    /// Drops what the duplicate checks knew (a deletion or an edit changes which unit has which hash).
    func forgetKnownHashes() {
        known = KnownHashes()
    }

    /// Sends the gathered units, their variants and pair hashes, in one statement each.
    func flush() throws(MemoryError) {
        guard pending.count > 0 else { return }
        let units = "[" + pending.units.text + "]", variants = "[" + pending.variants.text + "]", pairs = "[" + pending.pairs.text + "]"
        pending = PendingUnits()
        try failing {
            try session.run("""
                INSERT INTO unit(id, source_lang, origin_id, created_at, created_by, changed_at, changed_by, extra, content_hash, latest_at)
                SELECT (r->>0)::bigint, r->>1, (r->>2)::bigint, r->>3, r->>4, r->>5, r->>6, r->>7, (r->>8)::bigint, r->>9
                FROM jsonb_array_elements(\(units)::jsonb) r
                """)
            try session.run("""
                INSERT INTO variant(unit_id, position, lang, text, markup, extra)
                SELECT (r->>0)::bigint, (r->>1)::bigint, r->>2, r->>3, r->>4, r->>5 FROM jsonb_array_elements(\(variants)::jsonb) r
                """)
            if pairs != "[]" {
                try session.run("""
                    INSERT INTO unit_pair(hash, unit_id) SELECT (r->>0)::bigint, (r->>1)::bigint FROM jsonb_array_elements(\(pairs)::jsonb) r
                    ON CONFLICT DO NOTHING
                    """)
            }
        }
    }

    /// The highest unit id ever given: of the units there are, and of those deleted.
    static func highestUnitID(_ session: PostgresSession) throws -> Int64 {
        try session.value("""
            SELECT greatest((SELECT coalesce(max(id), 0) FROM unit), (SELECT coalesce(max(unit_id), 0) FROM unit_change))
            """, as: Int64.self) ?? 0
    }

    func mergeMetadata(into unit: UnitID, from duplicate: TranslationUnit) throws(MemoryError) {
        try flush()
        try failing {
            if !duplicate.metadata.isEmpty, let row = try session.rows("""
                SELECT created_at, created_by, changed_at, changed_by, extra FROM unit WHERE id = \(unit.rawValue)
                """).first {
                let (createdAt, createdBy, changedAt, changedBy, extra) = try row.decode((String?, String?, String?, String?, String?).self)
                var metadata = Metadata(creationDate: createdAt, creationUser: createdBy, changeDate: changedAt, changeUser: changedBy)
                StoredExtras.decode(extra, into: &metadata)
                if metadata.merge(duplicate.metadata) {
                    try session.run("""
                        UPDATE unit SET created_at = \(metadata.creationDate), created_by = \(metadata.creationUser), changed_at = \(metadata.changeDate),
                            changed_by = \(metadata.changeUser), extra = \(StoredExtras.encode(metadata)) WHERE id = \(unit.rawValue)
                        """)
                }
            }
            let annotated = duplicate.variants.filter { !$0.metadata.isEmpty }
            if !annotated.isEmpty {
                for row in try session.rows("SELECT position, lang, text, markup, extra FROM variant WHERE unit_id = \(unit.rawValue)") {
                    let (position, language, text, markup, extra) = try row.decode((Int64, String, String, String?, String?).self)
                    guard let tag = LanguageTag(language) else { continue }
                    let key = ContentHash.key(Variant(language: tag, segment: Segment(text: text, markup: markup)))
                    guard let incoming = annotated.first(where: { ContentHash.key($0) == key }) else { continue }
                    var metadata = StoredExtras.decodeVariant(extra)
                    guard metadata.merge(incoming.metadata) else { continue }
                    try session.run("UPDATE variant SET extra = \(StoredExtras.encodeVariant(metadata)) WHERE unit_id = \(unit.rawValue) AND position = \(position)")
                }
            }
            if let latest = duplicate.latestDate {
                try session.run("UPDATE unit SET latest_at = greatest(coalesce(latest_at, ''), \(Metadata.sortKey(ofDate: latest))) WHERE id = \(unit.rawValue)")
            }
        }
    }

    func saveGlossaryRecord(_ record: GlossaryRecord) throws(MemoryError) -> Bool {
        try failing {
            guard try session.run("UPDATE glossary_concept SET data = \(record.document) WHERE id = \(record.id)") == 0 else { return false }
            try session.run("INSERT INTO glossary_concept(id, data) VALUES (\(record.id), \(record.document))")
            return true
        }
    }

    func unitCount() throws(MemoryError) -> Int {
        try flush()
        return try failing { Int(try session.value("SELECT count(*) FROM unit", as: Int64.self) ?? 0) }
    }
}
