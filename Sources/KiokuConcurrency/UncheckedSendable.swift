/// Carries a value that is not `Sendable` across a concurrency boundary whose safety the
/// caller guarantees by construction — typically workers that write disjoint slots of one
/// buffer, or an object handed to a thread that becomes its only user. The one such
/// wrapper in Kioku: grep for it to find every place that makes that promise.
package struct UncheckedSendable<Value>: @unchecked Sendable {
    package let value: Value

    package init(_ value: Value) {
        self.value = value
    }
}
