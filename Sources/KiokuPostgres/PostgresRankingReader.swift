import KiokuMemory
import PostgresNIO

/// The PostgreSQL store's `RankingReader`, on the lookup's repeatable-read transaction (so
/// everything ranking reads comes from one snapshot). A round trip costs a hundred times a
/// local row read, so it reads ahead: the candidates ranking announced are read whole, in
/// windows that double (16, 32, 64 … units), one statement a window, and the winners are
/// then already at hand (or read in one statement when a caller asks for others).
final class PostgresRankingReader: RankingReader {
    private let session: PostgresSession
    /// The first error a read met: the reads answer as if the row were missing, and the store
    /// throws this after ranking, so that a broken connection never passes for "no such unit".
    private(set) var failure: (any Error)?
    /// A unit whose content no longer matches its stored hash (the store reports it after ranking).
    private(set) var damagedUnit: UnitID?

    /// The announced candidates' units, in ranking order, and how far the read-ahead has got.
    private var order: [UnitID] = []
    private var orderPosition: [UnitID: Int] = [:]
    private var readAhead = 0
    private var window = 16
    /// The units read so far, whole; a unit read and not found is in `read` only.
    private var units: [UnitID: PostgresUnitRows.Finished] = [:]
    private var read: Set<UnitID> = []
    /// The winners to come, read together when one of them was not read yet.
    private var wanted: [UnitID] = []

    init(session: PostgresSession) {
        self.session = session
    }

    func willRead<Keys: Collection<VariantKey>>(candidates: Keys) {
        var seen = Set<UnitID>()
        order = candidates.compactMap { seen.insert($0.unitID).inserted ? $0.unitID : nil }
        orderPosition = [:]
        readAhead = 0
        window = 16
    }

    func willRead(units ids: [UnitID]) {
        wanted = ids
    }

    func candidate(_ key: VariantKey) -> (text: String, others: [(language: String, text: String)])? {
        fetch(key.unitID)
        return units[key.unitID].flatMap { $0.unit.rankingCandidate(position: key.position, positions: $0.positions) }
    }

    func rankingFacts(of unit: UnitID) -> RankingFacts {
        fetch(unit)
        guard let found = units[unit] else { return RankingFacts(recency: "", metadataJSON: nil) }
        return RankingFacts(recency: found.recency, metadataJSON: found.extra)
    }

    func unit(_ id: UnitID) -> StoredUnit? {
        if !read.contains(id) { load(wanted.contains(id) ? wanted.filter { !read.contains($0) } : [id]) }
        guard let finished = units[id] else { return nil }
        guard finished.intact else {
            damagedUnit = damagedUnit ?? id
            return nil
        }
        return finished.unit
    }

    /// Reads `unit` unless it was read: with the next window of announced units when it is
    /// among them, alone otherwise.
    private func fetch(_ unit: UnitID) {
        guard !read.contains(unit) else { return }
        if orderPosition.isEmpty, !order.isEmpty {
            for (position, id) in order.enumerated() { orderPosition[id] = position }
        }
        var batch = [unit]
        if let position = orderPosition[unit], position >= readAhead {
            let end = min(order.count, max(position + 1, readAhead + window))
            batch = order[readAhead..<end].filter { !read.contains($0) }
            readAhead = end
            window = min(window * 2, 1_024)
        }
        load(batch)
    }

    /// Reads the units with these ids, whole, in one statement.
    private func load(_ ids: [UnitID]) {
        read.formUnion(ids)
        guard failure == nil, !ids.isEmpty else { return }
        do {
            var rows = PostgresUnitRows(checksContent: true)
            for row in try session.prepared("kioku_ranked_units", Self.wholeUnits, ids: ids.map(\.rawValue)) {
                if let finished = try rows.add(row) { units[finished.unit.id] = finished }
            }
            if let last = rows.finish() { units[last.unit.id] = last }
        } catch {
            failure = error
        }
    }

    private static let wholeUnits = PostgresUnitRows.select(where: "WHERE u.id = ANY($1)")
}
