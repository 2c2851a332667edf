import KiokuMemory
import PostgresNIO

/// The PostgreSQL store's ``RankingReader``: each read is one statement on the lookup's
/// repeatable-read transaction, so everything ranking reads comes from one snapshot.
final class PostgresRankingReader: RankingReader {
    private let session: PostgresSession
    /// The first error a read met: the reads answer as if the row were missing, and the store
    /// throws this after ranking, so that a broken connection never passes for "no such unit".
    private(set) var failure: (any Error)?
    /// A unit whose content no longer matches its stored hash (the store reports it after ranking).
    private(set) var damagedUnit: UnitID?

    init(session: PostgresSession) {
        self.session = session
    }

    private func attempt<T>(_ body: () throws -> T) -> T? {
        guard failure == nil else { return nil }
        do { return try body() } catch {
            failure = error
            return nil
        }
    }

    func candidate(_ key: VariantKey) -> (text: String, others: [(language: String, text: String)])? {
        attempt { () throws -> (text: String, others: [(language: String, text: String)])? in
            var text: String?
            var others: [(language: String, text: String)] = []
            for row in try session.rows("SELECT position, lang, text FROM variant WHERE unit_id = \(key.unitID.rawValue) ORDER BY position") {
                let (position, language, variantText) = try row.decode((Int64, String, String).self)
                if position == Int64(key.position) { text = variantText } else { others.append((language, variantText)) }
            }
            return text.map { ($0, others) }
        } ?? nil
    }

    func rankingFacts(of unit: UnitID) -> RankingFacts {
        let facts = attempt { () throws -> RankingFacts? in
            guard let row = try session.rows("SELECT coalesce(latest_at, ''), extra FROM unit WHERE id = \(unit.rawValue)").first else { return nil }
            let (recency, extra) = try row.decode((String, String?).self)
            return RankingFacts(recency: recency, metadataJSON: extra)
        }
        return (facts ?? nil) ?? RankingFacts(recency: "", metadataJSON: nil)
    }

    func unit(_ id: UnitID) -> StoredUnit? {
        attempt { () throws -> StoredUnit? in
            var rows = PostgresUnitRows(checksContent: true)
            for row in try session.rows(PostgresQuery(unsafeSQL: Self.wholeUnit, binds: { var b = PostgresBindings(); b.append(id.rawValue); return b }())) {
                _ = try rows.add(row)
            }
            guard let finished = rows.finish() else { return nil }
            guard finished.intact else {
                damagedUnit = damagedUnit ?? id
                return nil
            }
            return finished.unit
        } ?? nil
    }

    private static let wholeUnit = PostgresUnitRows.select(where: "WHERE u.id = $1")
}
