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
    /// A write: it runs, then returns how to hand its result to the waiting request.
    private typealias Job = @Sendable () -> @Sendable () -> Void
    private let jobs = BlockingQueue<Job>()

    /// `niceness`: how much lower than the server's other threads the writer runs (Linux).
    init(niceness: Int32 = 10) {
        let jobs = self.jobs
        let thread = Thread {
            #if os(Linux)
            // On Linux the nice value belongs to the thread; 0 names the calling one.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
            #endif
            while true {
                // The job, and what it holds (a request's body), is released before the request
                // is resumed, and its result is handed over, not kept: once a request has its
                // answer, nothing of it is left on this thread.
                let resume: @Sendable () -> Void
                do {
                    guard let job = jobs.take() else { break }
                    resume = job()
                }
                resume()
            }
        }
        thread.name = "kioku-writer"
        thread.start()
    }

    deinit { jobs.close() }

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let queued = jobs.put {
                // The result leaves its box as the request resumes: the closure, freed on this
                // thread afterwards, no longer holds it (nor what it holds, a write's decoded units).
                let result = Locked<Result<T, any Error>?>(Result { try body() })
                return { continuation.resume(with: result.withLock { held in defer { held = nil }; return held! }) }
            }
            if !queued { continuation.resume(throwing: CancellationError()) }  // the server is stopping
        }
    }
}
