import Foundation
import GRDB

extension TranslationMemory {
    public func statistics() throws(MemoryError) -> MemoryStatistics {
        typealias U = UnitTable; typealias V = VariantTable; typealias O = OriginTable
        return try reading { db in
            let units = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(U.name)") ?? 0
            let segments = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(V.name)") ?? 0
            let languages = try Row.fetchAll(db, sql: "SELECT \(V.language), count(*) FROM \(V.name) GROUP BY \(V.language) ORDER BY count(*) DESC, \(V.language)")
                .map { MemoryStatistics.LanguageCount(language: $0[0], segments: $0[1]) }
            let pairs = try Row.fetchAll(db, sql: """
                SELECT a.\(V.language), b.\(V.language), count(*) FROM \(V.name) a JOIN \(V.name) b
                ON a.\(V.unitID) = b.\(V.unitID) AND a.\(V.language) < b.\(V.language)
                GROUP BY a.\(V.language), b.\(V.language) ORDER BY 3 DESC, 1, 2
                """).map { MemoryStatistics.PairCount(languages: [$0[0], $0[1]], units: $0[2]) }
            let origins = try Row.fetchAll(db, sql: """
                SELECT o.\(O.path), count(u.\(U.id)), o.\(O.importedAt) FROM \(O.name) o LEFT JOIN \(U.name) u ON u.\(U.originID) = o.\(O.id)
                GROUP BY o.\(O.id) ORDER BY o.\(O.id)
                """).map { MemoryStatistics.OriginCount(path: $0[0], units: $0[1], importedAt: $0[2]) }
            let withMarkup = try Int.fetchOne(db, sql: "SELECT count(DISTINCT \(V.unitID)) FROM \(V.name) WHERE \(V.markup) IS NOT NULL") ?? 0
            var bytes: Int64 = 0
            for suffix in ["", "-wal"] {
                let attributes = try? FileManager.default.attributesOfItem(atPath: path + suffix)
                bytes += (attributes?[.size] as? NSNumber)?.int64Value ?? 0
            }
            return MemoryStatistics(path: path, units: units, segments: segments, languages: languages, pairs: pairs,
                                    origins: origins, fileBytes: bytes, unitsWithMarkup: withMarkup)
        }
    }
}
