import Dispatch

/// Changes each element of `elements` in place with `body`, on `workers` threads: worker `w`
/// takes elements `w`, `w + workers`, … (disjoint slots of one buffer, so no lock). One worker
/// runs on the calling thread.
package func concurrentForEach<Element>(_ elements: inout [Element], workers: Int, _ body: @Sendable (inout Element) -> Void) {
    let workers = max(1, min(workers, elements.count))
    elements.withUnsafeMutableBufferPointer { buffer in
        let shared = UncheckedSendable(buffer)
        withoutActuallyEscaping(body) { body in
            let work: @Sendable (Int) -> Void = { worker in
                for index in stride(from: worker, to: shared.value.count, by: workers) { body(&shared.value[index]) }
            }
            if workers > 1 { DispatchQueue.concurrentPerform(iterations: workers, execute: work) } else { work(0) }
        }
    }
}
