import Foundation

/// Runs the TM's writes one at a time on a thread of their own, so a long import never
/// occupies one of Swift's few cooperative threads that lookups are answered on.
final class WriteQueue: Sendable {
    private let queue = DispatchQueue(label: "kioku.server.writes", qos: .userInitiated)

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
