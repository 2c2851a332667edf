import Foundation

/// Counters for `GET /metrics`, in the Prometheus text format.
final class ServerMetrics: @unchecked Sendable {
    private let lock = NSLock()
    private var lookups = 0
    private var lookupNanoseconds: UInt64 = 0
    private var writes = 0
    private var unitsAdded = 0
    private var clientErrors = 0
    private var serverErrors = 0

    func recordLookup(since start: UInt64) {
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        lock.withLock {
            lookups += 1
            lookupNanoseconds += elapsed
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
            """
            # HELP kioku_lookups_total Lookups answered (tmserver and JSON).
            # TYPE kioku_lookups_total counter
            kioku_lookups_total \(lookups)
            # HELP kioku_lookup_seconds_total Time spent answering lookups.
            # TYPE kioku_lookup_seconds_total counter
            kioku_lookup_seconds_total \(Double(lookupNanoseconds) / 1e9)
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
