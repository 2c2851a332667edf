import Foundation
import KiokuConcurrency
import KiokuFormats

/// Runs the readers of an import on a second thread, a few thousand units ahead of
/// the writer, so parsing and storing use both cores. Items arrive in order;
/// a reader's error arrives in its place and stops the import.
final class ReadAhead: Sendable {
    /// One unit ready to store (its content hash computed off the writer's thread), or a skip.
    enum Item {
        case unit(TranslationUnit, SourceLocation, hash: Int64)
        case skip(Skip)
        /// The reader of source `index` has finished.
        case endOfSource(index: Int)
    }

    private enum Message {
        case batch([Item], ReadProgress)
        case failure(any Error)
    }

    private let queue = BlockingQueue<Message>(capacity: 8)
    private static let batchSize = 2048

    /// Starts reading `readers` in order on a new thread, which becomes their only user.
    init(readers: [any UnitReader]) {
        let readers = UncheckedSendable(readers), queue = self.queue
        let thread = Thread { Self.produce(readers.value, into: queue) }
        thread.stackSize = 4 << 20
        thread.start()
    }

    private static func produce(_ readers: [any UnitReader], into queue: BlockingQueue<Message>) {
        let total = readers.reduce(Int64(0)) { $0 + $1.progress.totalBytes }
        var finishedBytes: Int64 = 0
        var batch: [Item] = []
        var current: (any UnitReader)?
        func position() -> ReadProgress {
            ReadProgress(bytesRead: finishedBytes + (current?.progress.bytesRead ?? 0), totalBytes: total)
        }
        batch.reserveCapacity(batchSize)
        defer { queue.close() }
        do {
            for (index, reader) in readers.enumerated() {
                current = reader
                while let item = try reader.next() {
                    switch item {
                    case .unit(let unit, let at): batch.append(.unit(unit, at, hash: ContentHash.of(unit)))
                    case .skip(let skip): batch.append(.skip(skip))
                    }
                    if batch.count == batchSize {
                        guard queue.put(.batch(batch, position())) else { return }  // cancelled
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                batch.append(.endOfSource(index: index))
                finishedBytes += reader.progress.totalBytes
                current = nil
            }
            queue.put(.batch(batch, position()))
        } catch {
            queue.put(.batch(batch, position()))
            queue.put(.failure(error))
        }
    }

    /// The next batch in order, with how far the readers had got; nil when every reader
    /// is done; throws a reader's error.
    func next() throws -> ([Item], ReadProgress)? {
        switch queue.take() {
        case .batch(let items, let position)?: return (items, position)
        case .failure(let error)?: throw error
        case nil: return nil
        }
    }

    /// Stops the reader thread early (the writer failed or finished); it exits at its next batch.
    func cancel() {
        queue.cancel()
    }
}
