import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the TM's writes one at a time on a thread of their own, at a lower CPU priority:
/// a long import never occupies one of Swift's few cooperative threads that lookups are
/// answered on, and when both want a core, the lookup gets it. The thread ends when the
/// queue is released.
final class WriteQueue: Sendable {
    private let jobs = JobList()

    /// `niceness`: how much lower than the server's other threads the writer runs (Linux).
    init(niceness: Int32 = 10) {
        let jobs = self.jobs
        let thread = Thread {
            #if os(Linux)
            // On Linux the nice value belongs to the thread; 0 names the calling one.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
            #endif
            while let job = jobs.next() { job() }
        }
        thread.name = "kioku-writer"
        thread.start()
    }

    deinit { jobs.close() }

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            jobs.add { continuation.resume(with: Result { try body() }) }
        }
    }
}

/// The writer thread's inbox: jobs in order, and whether more can come.
private final class JobList: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []
    private var closed = false

    func add(_ job: @escaping () -> Void) {
        condition.withLock {
            jobs.append(job)
            condition.signal()
        }
    }

    /// The next job, waiting for one; nil once closed and drained.
    func next() -> (() -> Void)? {
        condition.withLock {
            while jobs.isEmpty && !closed { condition.wait() }
            return jobs.isEmpty ? nil : jobs.removeFirst()
        }
    }

    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }
}
