import Dispatch

/// Maps `0..<count` on every core, in chunks of `chunk` indices (one task per chunk, each
/// chunk's results stored under one lock). The first error stops its chunk and is rethrown
/// once every chunk has ended; `body` returning nil leaves the index's result nil.
package func chunkedMap<T: Sendable>(_ count: Int, chunk: Int, _ body: @Sendable (Int) throws -> T?) throws -> [T?] {
    let results = Locked([T?](repeating: nil, count: count))
    let failure = Locked<(any Error)?>(nil)
    DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { part in
        var local: [(Int, T)] = []
        for index in part * chunk..<min(count, (part + 1) * chunk) {
            do {
                if let value = try body(index) { local.append((index, value)) }
            } catch {
                failure.withLock { $0 = $0 ?? error }
                return
            }
        }
        results.withLock { for (index, value) in local { $0[index] = value } }
    }
    if let error = failure.withLock({ $0 }) { throw error }
    return results.withLock { $0 }
}
