import Foundation

/// Waits for something another process does, without making its timing a test's assertion:
/// tests poll until the condition holds or a generous bound passes (timings belong in benchmarks).
public enum Polling {
    /// Waits up to `seconds` for `condition`, checking every 20 ms; returns how long it took,
    /// nil if it never held.
    public static func within(_ seconds: Double, _ condition: () async throws -> Bool) async throws -> Double? {
        let start = Date()
        while Date().timeIntervalSince(start) < seconds {
            if try await condition() { return Date().timeIntervalSince(start) }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        return nil
    }
}
