import Foundation
import KiokuConcurrency

/// Reads a store's units on a second thread, a few thousand ahead of a copy's writer, with
/// their content hashes, so that reading and writing use both cores (as ``ReadAhead`` does
/// for an import's files). Units arrive in id order; an error of the store arrives in its
/// place and stops the copy.
final class StoreReadAhead: Sendable {
    private enum Message {
        case batch([(StoredUnit, hash: Int64)])
        case failure(MemoryError)
    }

    /// Thrown inside the reading loop to leave it once the writer has stopped listening (the
    /// store hands it back as an error of its own, which is then dropped).
    private struct Cancelled: Error {}

    private let queue = BlockingQueue<Message>(capacity: 8)
    private static let batchSize = 2048

    /// Starts reading every unit of `store` on a new thread; nothing else may read through
    /// `store` until ``next()`` has returned nil or ``cancel()`` was called.
    init(_ store: any MemoryStore) {
        let store = UncheckedSendable(store), queue = self.queue
        let thread = Thread { Self.produce(store.value, into: queue) }
        thread.stackSize = 4 << 20
        thread.start()
    }

    private static func produce(_ store: any MemoryStore, into queue: BlockingQueue<Message>) {
        var batch: [(StoredUnit, hash: Int64)] = []
        var cancelled = false
        batch.reserveCapacity(batchSize)
        defer { queue.close() }
        do throws(MemoryError) {
            try store.forEachUnit { stored in
                batch.append((stored, ContentHash.of(stored.unit)))
                guard batch.count == batchSize else { return }
                guard queue.put(.batch(batch)) else {
                    cancelled = true
                    throw Cancelled()
                }
                batch.removeAll(keepingCapacity: true)
            }
            queue.put(.batch(batch))
        } catch {
            if !cancelled { queue.put(.failure(error)) }
        }
    }

    /// The next batch in id order; nil when every unit was read; throws the store's error.
    func next() throws(MemoryError) -> [(StoredUnit, hash: Int64)]? {
        switch queue.take() {
        case .batch(let units)?: return units
        case .failure(let error)?: throw error
        case nil: return nil
        }
    }

    /// Stops the reading thread early (the writer failed); it exits at its next batch.
    func cancel() {
        queue.cancel()
    }
}
