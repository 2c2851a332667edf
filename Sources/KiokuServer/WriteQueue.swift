import Foundation
import KiokuConcurrency
#if canImport(Glibc)
import Glibc
#endif

/// Runs the TM's writes one at a time on a thread of their own, at a lower CPU priority:
/// a long import never occupies one of Swift's few cooperative threads that lookups are
/// answered on, and when both want a core, the lookup gets it. The thread ends when the
/// queue is released.
final class WriteQueue: Sendable {
    private let jobs = BlockingQueue<@Sendable () -> Void>()

    /// `niceness`: how much lower than the server's other threads the writer runs (Linux).
    init(niceness: Int32 = 10) {
        let jobs = self.jobs
        let thread = Thread {
            #if os(Linux)
            // On Linux the nice value belongs to the thread; 0 names the calling one.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
            #endif
            while let job = jobs.take() { job() }
        }
        thread.name = "kioku-writer"
        thread.start()
    }

    deinit { jobs.close() }

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let queued = jobs.put { continuation.resume(with: Result { try body() }) }
            if !queued { continuation.resume(throwing: CancellationError()) }  // the server is stopping
        }
    }
}
