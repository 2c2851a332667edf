import Foundation
import GRDB
import KiokuText

/// What a TM holds: counts by language, by language pair and by origin, and its size.
public struct MemoryStatistics: Sendable, Codable {
    public struct LanguageCount: Sendable, Codable { public var language: String; public var segments: Int }
    public struct PairCount: Sendable, Codable { public var languages: [String]; public var units: Int }
    public struct OriginCount: Sendable, Codable { public var path: String; public var units: Int; public var importedAt: String }

    public var path: String
    public var units: Int
    public var segments: Int
    public var languages: [LanguageCount]
    /// Language pairs (unordered; each works in both directions) and how many units hold both.
    public var pairs: [PairCount]
    public var origins: [OriginCount]
    public var fileBytes: Int64
    /// Units with inline codes in at least one variant.
    public var unitsWithMarkup: Int
}

extension TranslationMemory {
    /// Counts what the TM holds.
    public func statistics() throws(MemoryError) -> MemoryStatistics {
        do {
            return try database.read { db in
                let units = try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") ?? 0
                let segments = try Int.fetchOne(db, sql: "SELECT count(*) FROM variant") ?? 0
                let languages = try Row.fetchAll(db, sql: "SELECT lang, count(*) FROM variant GROUP BY lang ORDER BY count(*) DESC, lang")
                    .map { MemoryStatistics.LanguageCount(language: $0[0], segments: $0[1]) }
                let pairs = try Row.fetchAll(db, sql: """
                    SELECT a.lang, b.lang, count(*) FROM variant a JOIN variant b
                    ON a.unit_id = b.unit_id AND a.lang < b.lang GROUP BY a.lang, b.lang ORDER BY 3 DESC, 1, 2
                    """).map { MemoryStatistics.PairCount(languages: [$0[0], $0[1]], units: $0[2]) }
                let origins = try Row.fetchAll(db, sql: """
                    SELECT o.path, count(u.id), o.imported_at FROM origin o LEFT JOIN unit u ON u.origin_id = o.id
                    GROUP BY o.id ORDER BY o.id
                    """).map { MemoryStatistics.OriginCount(path: $0[0], units: $0[1], importedAt: $0[2]) }
                let withMarkup = try Int.fetchOne(db, sql: "SELECT count(DISTINCT unit_id) FROM variant WHERE markup IS NOT NULL") ?? 0
                var bytes: Int64 = 0
                for suffix in ["", "-wal"] {
                    let attributes = try? FileManager.default.attributesOfItem(atPath: path + suffix)
                    bytes += (attributes?[.size] as? NSNumber)?.int64Value ?? 0
                }
                return MemoryStatistics(path: path, units: units, segments: segments, languages: languages, pairs: pairs,
                                        origins: origins, fileBytes: bytes, unitsWithMarkup: withMarkup)
            }
        } catch {
            throw databaseError(error)
        }
    }
}
