import Foundation

/// Counters for `GET /metrics`, in the Prometheus text format.
final class ServerMetrics: @unchecked Sendable {
    private let lock = NSLock()
    private var lookups = 0
    private var lookupNanoseconds: UInt64 = 0
    private var slowestLookup: UInt64 = 0
    /// Upper bounds (ms) of the service-time histogram: time inside the server, queueing excluded.
    static let bucketBounds: [Double] = [1, 2, 5, 10, 25, 50, 100, 250, 1000]
    private var buckets = [Int](repeating: 0, count: bucketBounds.count)
    private var writes = 0
    private var unitsAdded = 0
    private var clientErrors = 0
    private var serverErrors = 0

    func recordLookup(since start: UInt64) {
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        let milliseconds = Double(elapsed) / 1e6
        lock.withLock {
            lookups += 1
            lookupNanoseconds += elapsed
            slowestLookup = max(slowestLookup, elapsed)
            if let bucket = Self.bucketBounds.firstIndex(where: { milliseconds <= $0 }) { buckets[bucket] += 1 }
        }
    }

    func recordWrite(units: Int) {
        lock.withLock {
            writes += 1
            unitsAdded += units
        }
    }

    func recordError(status: Int) {
        lock.withLock {
            if status >= 500 { serverErrors += 1 } else { clientErrors += 1 }
        }
    }

    func prometheus(unitsInMemory: Int) -> String {
        lock.withLock {
            var histogram = ""
            var cumulative = 0
            for (bound, count) in zip(Self.bucketBounds, buckets) {
                cumulative += count
                histogram += "kioku_lookup_service_seconds_bucket{le=\"\(bound / 1000)\"} \(cumulative)\n"
            }
            return """
            # HELP kioku_lookups_total Lookups answered (tmserver and JSON).
            # TYPE kioku_lookups_total counter
            kioku_lookups_total \(lookups)
            # HELP kioku_lookup_seconds_total Time spent answering lookups.
            # TYPE kioku_lookup_seconds_total counter
            kioku_lookup_seconds_total \(Double(lookupNanoseconds) / 1e9)
            # HELP kioku_lookup_service_seconds Time a lookup spent in the server once started (queueing excluded).
            # TYPE kioku_lookup_service_seconds histogram
            \(histogram)kioku_lookup_service_seconds_bucket{le="+Inf"} \(lookups)
            kioku_lookup_service_seconds_sum \(Double(lookupNanoseconds) / 1e9)
            kioku_lookup_service_seconds_count \(lookups)
            # HELP kioku_lookup_slowest_seconds The slowest lookup since the server started.
            # TYPE kioku_lookup_slowest_seconds gauge
            kioku_lookup_slowest_seconds \(Double(slowestLookup) / 1e9)
            # HELP kioku_writes_total Write requests committed.
            # TYPE kioku_writes_total counter
            kioku_writes_total \(writes)
            # HELP kioku_units_added_total Units added through the API (duplicates not counted).
            # TYPE kioku_units_added_total counter
            kioku_units_added_total \(unitsAdded)
            # HELP kioku_errors_total Requests answered with an error, by class.
            # TYPE kioku_errors_total counter
            kioku_errors_total{class="4xx"} \(clientErrors)
            kioku_errors_total{class="5xx"} \(serverErrors)
            # HELP kioku_units Units in the TM.
            # TYPE kioku_units gauge
            kioku_units \(unitsInMemory)

            """
        }
    }
}
