/// Reusable objects (search buffers, checkers with warm caches) lent to one user at a
/// time: a borrower gets an element nobody else holds, made on demand, and gives it back.
package final class Pool<Element>: Sendable {
    private let idle = Locked<[Element]>([])
    private let make: @Sendable () -> Element

    package init(_ make: @escaping @Sendable () -> Element) {
        self.make = make
    }

    /// Runs `body` with an element of its own, returned to the pool afterwards.
    package func borrow<T, Failure: Error>(_ body: (inout Element) throws(Failure) -> T) throws(Failure) -> T {
        var element = idle.withLock { $0.popLast() } ?? make()
        defer { idle.withLock { [element] in $0.append(element) } }
        return try body(&element)
    }
}
