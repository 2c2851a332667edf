import Foundation

/// A value guarded by a lock: every read and write goes through ``withLock(_:)``, so the
/// value can be shared between threads. Hold the lock for a moment, never across work
/// that may block (I/O, another lock).
package final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the value while holding the lock.
    package func withLock<T, Failure: Error>(_ body: (inout Value) throws(Failure) -> T) throws(Failure) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    /// Runs `body` only if the lock is free now; nil when another thread holds it.
    package func withLockIfAvailable<T, Failure: Error>(_ body: (inout Value) throws(Failure) -> T) throws(Failure) -> T? {
        guard lock.try() else { return nil }
        defer { lock.unlock() }
        return try body(&value)
    }
}
