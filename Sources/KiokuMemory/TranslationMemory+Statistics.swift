import Foundation
import GRDB
import GRDBSQLite

extension TranslationMemory {
    /// What the TM holds, counted in one pass over the units and one over the variants, both
    /// in their tables' order (a 10M TM's 3.4 GB of variants were read four times before, and
    /// its pairs counted by a join that looked each unit up again).
    public func statistics() throws(MemoryError) -> MemoryStatistics {
        typealias V = VariantTable; typealias O = OriginTable
        return try scanning { db in
            let (units, unitsByOrigin) = try Self.unitsByOrigin(db)
            var tally = VariantTally()
            // in key order (no sort: the table is kept in it), so a unit's variants come together
            let variants = try db.makeStatement(sql: "SELECT \(V.unitID), \(V.language), \(V.markup) IS NOT NULL FROM \(V.name) ORDER BY \(V.unitID)")
            try variants.forEachRow(in: db, { _ in }) { row in tally.count(row) }
            tally.endUnit()
            let origins = try Row.fetchAll(db, sql: "SELECT \(O.id), \(O.path), \(O.importedAt) FROM \(O.name) ORDER BY \(O.id)")
                .map { MemoryStatistics.OriginCount(path: $0[1], units: unitsByOrigin[$0[0] as Int64] ?? 0, importedAt: $0[2]) }
            return MemoryStatistics(path: path, units: units, segments: tally.segments, languages: tally.languageCounts(),
                                    pairs: tally.pairCounts(), origins: origins, fileBytes: storedBytes(), unitsWithMarkup: tally.unitsWithMarkup)
        }
    }

    /// The sizes of the TM's file and its write-ahead log: a `stat` of each (a TM in memory has neither).
    public func storedBytes() -> Int64 {
        var bytes: Int64 = 0
        for suffix in ["", "-wal"] {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path + suffix)
            bytes += (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        }
        return bytes
    }

    /// How many units there are, and how many came from each origin (units of one file are
    /// stored together, so the counts are kept a run at a time).
    private static func unitsByOrigin(_ db: Database) throws -> (Int, [Int64: Int]) {
        var total = 0
        var byOrigin: [Int64: Int] = [:]
        var origin: Int64? = nil, run = 0
        let rows = try db.makeStatement(sql: "SELECT \(UnitTable.originID) FROM \(UnitTable.name)")
        try rows.forEachRow(in: db, { _ in }) { row in
            let current: Int64? = sqlite3_column_type(row, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(row, 0)
            total += 1
            if current != origin {
                if let origin { byOrigin[origin, default: 0] += run }
                origin = current
                run = 0
            }
            run += 1
        }
        if let origin { byOrigin[origin, default: 0] += run }
        return (total, byOrigin)
    }
}

/// Counts variant rows read in unit order: segments by language, pairs of languages within
/// a unit (each pair of its variants whose languages differ, the lesser tag first, as SQL's
/// `a.lang < b.lang` pairs them), and units with codes. Language tags are told apart by their
/// bytes, without making a string per row.
private struct VariantTally {
    var segments = 0
    var unitsWithMarkup = 0
    /// Each language's tag as stored, and its segments.
    private var tags: [[UInt8]] = []
    private var perLanguage: [Int] = []
    /// Variant pairs by (lesser, greater) language number.
    private var pairs: [Int: Int] = [:]
    /// The unit being read: its id, its variants' language numbers, whether one has codes.
    private var unit: Int64? = nil
    private var unitLanguages: [Int] = []
    private var unitHasMarkup = false

    mutating func count(_ row: OpaquePointer) {
        let id = sqlite3_column_int64(row, 0)
        if id != unit {
            endUnit()
            unit = id
        }
        segments += 1
        let language = number(ofTag: row)
        perLanguage[language] += 1
        unitLanguages.append(language)
        if sqlite3_column_int(row, 2) != 0 { unitHasMarkup = true }
    }

    /// Counts the unit read so far.
    mutating func endUnit() {
        guard unit != nil else { return }
        for i in unitLanguages.indices {
            for j in unitLanguages.indices where j > i {
                let a = unitLanguages[i], b = unitLanguages[j]
                guard a != b else { continue }
                let (lesser, greater) = tags[a].lexicographicallyPrecedes(tags[b]) ? (a, b) : (b, a)
                pairs[lesser << 32 | greater, default: 0] += 1
            }
        }
        if unitHasMarkup { unitsWithMarkup += 1 }
        unitLanguages.removeAll(keepingCapacity: true)
        unitHasMarkup = false
        unit = nil
    }

    /// The number of the row's language tag, given one when first seen.
    private mutating func number(ofTag row: OpaquePointer) -> Int {
        let count = Int(sqlite3_column_bytes(row, 1))
        let bytes = sqlite3_column_text(row, 1).map { UnsafeBufferPointer(start: $0, count: count) } ?? UnsafeBufferPointer(start: nil, count: 0)
        for (number, tag) in tags.enumerated() where tag.count == count && tag.elementsEqual(bytes) { return number }
        tags.append(Array(bytes))
        perLanguage.append(0)
        return tags.count - 1
    }

    private func name(_ number: Int) -> String { String(decoding: tags[number], as: UTF8.self) }

    /// Segments by language, most first, then by tag.
    func languageCounts() -> [MemoryStatistics.LanguageCount] {
        tags.indices.sorted { perLanguage[$0] != perLanguage[$1] ? perLanguage[$0] > perLanguage[$1] : tags[$0].lexicographicallyPrecedes(tags[$1]) }
            .map { MemoryStatistics.LanguageCount(language: name($0), segments: perLanguage[$0]) }
    }

    /// Pairs, most units first, then by their tags.
    func pairCounts() -> [MemoryStatistics.PairCount] {
        pairs.map { (lesser: $0.key >> 32, greater: $0.key & 0xFFFF_FFFF, units: $0.value) }
            .sorted { x, y in
                if x.units != y.units { return x.units > y.units }
                if x.lesser != y.lesser { return tags[x.lesser].lexicographicallyPrecedes(tags[y.lesser]) }
                return tags[x.greater].lexicographicallyPrecedes(tags[y.greater])
            }
            .map { MemoryStatistics.PairCount(languages: [name($0.lesser), name($0.greater)], units: $0.units) }
    }
}
