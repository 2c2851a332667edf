import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the TM's writes one at a time on a thread of their own, at a lower CPU priority:
/// a long import never occupies one of Swift's few cooperative threads that lookups are
/// answered on, and when both want a core, the lookup gets it.
final class WriteQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []

    /// `niceness`: how much lower than the server's other threads the writer runs (Linux).
    init(niceness: Int32 = 10) {
        let thread = Thread { [condition] in
            #if os(Linux)
            // On Linux the nice value belongs to the thread; 0 names the calling one.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
            #endif
            while true {
                condition.lock()
                while self.jobs.isEmpty { condition.wait() }
                let job = self.jobs.removeFirst()
                condition.unlock()
                job()
            }
        }
        thread.name = "kioku-writer"
        thread.start()
    }

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            condition.lock()
            jobs.append { continuation.resume(with: Result { try body() }) }
            condition.signal()
            condition.unlock()
        }
    }
}
