import Foundation

/// A first-in, first-out queue between threads: `put` waits while it is full, `take` waits
/// while it is empty. Closing it lets takers drain what is left; cancelling it drops
/// everything and wakes every waiter.
package final class BlockingQueue<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var elements: [Element] = []
    private let capacity: Int
    private var closed = false
    private var cancelled = false

    package init(capacity: Int = .max) {
        self.capacity = capacity
    }

    /// Adds an element, waiting for room; false (and nothing added) once closed or cancelled.
    @discardableResult
    package func put(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while elements.count >= capacity && !closed && !cancelled { condition.wait() }
        if closed || cancelled { return false }
        elements.append(element)
        condition.broadcast()
        return true
    }

    /// The oldest element, waiting for one; nil once closed and drained, or cancelled.
    package func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while elements.isEmpty && !closed && !cancelled { condition.wait() }
        if cancelled || elements.isEmpty { return nil }
        let element = elements.removeFirst()
        condition.broadcast()
        return element
    }

    /// No more elements will come; takers get what is queued, then nil.
    package func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Drops what is queued; every waiting and later `put` and `take` returns at once.
    package func cancel() {
        condition.lock()
        cancelled = true
        elements.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
