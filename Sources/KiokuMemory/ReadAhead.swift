import Foundation
import KiokuFormats

/// Runs the readers of an import on a second thread, a few thousand units ahead of
/// the SQLite writer, so parsing and storing use both cores. Items arrive in order;
/// a reader's error arrives in its place and stops the import.
final class ReadAhead: @unchecked Sendable {
    /// One unit ready to store (its content hash computed off the writer's thread), or a skip.
    enum Item {
        case unit(TranslationUnit, SourceLocation, hash: Int64)
        case skip(Skip)
        /// The reader of source `index` has finished.
        case endOfSource(index: Int)
    }

    private let condition = NSCondition()
    private var batches: [([Item], ReadProgress)] = []
    private var failure: (any Error)?
    private var done = false
    private var cancelled = false
    private let capacity = 8
    private let batchSize = 2048

    /// Starts reading `readers` in order on a new thread.
    init(readers: [any UnitReader]) {
        let box = UncheckedBox(readers)
        let thread = Thread { self.produce(box.value) }
        thread.stackSize = 4 << 20
        thread.start()
    }

    private func produce(_ readers: [any UnitReader]) {
        let total = readers.reduce(Int64(0)) { $0 + $1.progress.totalBytes }
        var finishedBytes: Int64 = 0
        var batch: [Item] = []
        var current: (any UnitReader)?
        func position() -> ReadProgress {
            ReadProgress(bytesRead: finishedBytes + (current?.progress.bytesRead ?? 0), totalBytes: total)
        }
        batch.reserveCapacity(batchSize)
        do {
            for (index, reader) in readers.enumerated() {
                current = reader
                while let item = try reader.next() {
                    switch item {
                    case .unit(let unit, let at): batch.append(.unit(unit, at, hash: ContentHash.of(unit)))
                    case .skip(let skip): batch.append(.skip(skip))
                    }
                    if batch.count == batchSize {
                        guard put(batch, position()) else { return }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                batch.append(.endOfSource(index: index))
                finishedBytes += reader.progress.totalBytes
                current = nil
            }
            _ = put(batch, position())
            finish(nil)
        } catch {
            _ = put(batch, position())
            finish(error)
        }
    }

    private func put(_ batch: [Item], _ position: ReadProgress) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        batches.append((batch, position))
        condition.broadcast()
        return true
    }

    private func finish(_ error: (any Error)?) {
        condition.lock()
        failure = error
        done = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch in order, with how far the readers had got; nil when every reader
    /// is done; throws a reader's error.
    func next() throws -> ([Item], ReadProgress)? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !done { condition.wait() }
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the reader thread early (the writer failed); it exits at its next batch.
    func cancel() {
        condition.lock()
        cancelled = true
        batches.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

/// Moves non-Sendable readers to the read-ahead thread, which is then their only user.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
