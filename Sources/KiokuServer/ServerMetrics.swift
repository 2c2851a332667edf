import Foundation
import KiokuConcurrency

/// Counters for `GET /metrics`, in the Prometheus text format.
final class ServerMetrics: Sendable {
    /// Upper bounds (ms) of the service-time histogram: time inside the server, queueing excluded.
    static let bucketBounds: [Double] = [1, 2, 5, 10, 25, 50, 100, 250, 1000]

    private struct Counters {
        var lookups = 0
        var lookupNanoseconds: UInt64 = 0
        var slowestLookup: UInt64 = 0
        var buckets = [Int](repeating: 0, count: ServerMetrics.bucketBounds.count)
        var writes = 0
        var unitsAdded = 0
        var clientErrors = 0
        var serverErrors = 0
    }

    private let counters = Locked(Counters())

    func recordLookup(since start: UInt64) {
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        let milliseconds = Double(elapsed) / 1e6
        counters.withLock { counters in
            counters.lookups += 1
            counters.lookupNanoseconds += elapsed
            counters.slowestLookup = max(counters.slowestLookup, elapsed)
            if let bucket = Self.bucketBounds.firstIndex(where: { milliseconds <= $0 }) { counters.buckets[bucket] += 1 }
        }
    }

    func recordWrite(units: Int) {
        counters.withLock { counters in
            counters.writes += 1
            counters.unitsAdded += units
        }
    }

    func recordError(status: Int) {
        counters.withLock { counters in
            if status >= 500 { counters.serverErrors += 1 } else { counters.clientErrors += 1 }
        }
    }

    func prometheus(unitsInMemory: Int) -> String {
        let counters = self.counters.withLock { $0 }
        var histogram = ""
        var cumulative = 0
        for (bound, count) in zip(Self.bucketBounds, counters.buckets) {
            cumulative += count
            histogram += "kioku_lookup_service_seconds_bucket{le=\"\(bound / 1000)\"} \(cumulative)\n"
        }
        return """
        # HELP kioku_lookups_total Lookups answered (tmserver and JSON).
        # TYPE kioku_lookups_total counter
        kioku_lookups_total \(counters.lookups)
        # HELP kioku_lookup_seconds_total Time spent answering lookups.
        # TYPE kioku_lookup_seconds_total counter
        kioku_lookup_seconds_total \(Double(counters.lookupNanoseconds) / 1e9)
        # HELP kioku_lookup_service_seconds Time a lookup spent in the server once started (queueing excluded).
        # TYPE kioku_lookup_service_seconds histogram
        \(histogram)kioku_lookup_service_seconds_bucket{le="+Inf"} \(counters.lookups)
        kioku_lookup_service_seconds_sum \(Double(counters.lookupNanoseconds) / 1e9)
        kioku_lookup_service_seconds_count \(counters.lookups)
        # HELP kioku_lookup_slowest_seconds The slowest lookup since the server started.
        # TYPE kioku_lookup_slowest_seconds gauge
        kioku_lookup_slowest_seconds \(Double(counters.slowestLookup) / 1e9)
        # HELP kioku_writes_total Write requests committed.
        # TYPE kioku_writes_total counter
        kioku_writes_total \(counters.writes)
        # HELP kioku_units_added_total Units added through the API (duplicates not counted).
        # TYPE kioku_units_added_total counter
        kioku_units_added_total \(counters.unitsAdded)
        # HELP kioku_errors_total Requests answered with an error, by class.
        # TYPE kioku_errors_total counter
        kioku_errors_total{class="4xx"} \(counters.clientErrors)
        kioku_errors_total{class="5xx"} \(counters.serverErrors)
        # HELP kioku_units Units in the TM.
        # TYPE kioku_units gauge
        kioku_units \(unitsInMemory)

        """
    }
}
