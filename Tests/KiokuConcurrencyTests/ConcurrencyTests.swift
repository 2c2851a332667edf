import Foundation
import Testing
@testable import KiokuConcurrency

@Suite struct ConcurrencyTests {
    @Test func aBlockingQueueHandsOverInOrderAndDrainsWhenClosed() {
        let queue = BlockingQueue<Int>(capacity: 2)
        let producer = Thread {
            for number in 0..<100 { queue.put(number) }
            queue.close()
        }
        producer.start()
        var taken: [Int] = []
        while let number = queue.take() { taken.append(number) }
        #expect(taken == Array(0..<100))
        #expect(queue.put(1) == false)  // closed
    }

    @Test func cancellingWakesAWaitingProducerAndDropsWhatIsQueued() {
        let queue = BlockingQueue<Int>(capacity: 1)
        #expect(queue.put(1))
        let refused = Locked<Bool?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread {
            let accepted = queue.put(2)  // waits: the queue is full
            refused.withLock { $0 = !accepted }
            done.signal()
        }.start()
        Thread.sleep(forTimeInterval: 0.05)
        queue.cancel()
        done.wait()
        #expect(refused.withLock { $0 } == true)
        #expect(queue.take() == nil)
    }

    @Test func aPoolLendsEachElementToOneBorrowerAtATime() {
        let made = Locked(0)
        let pool = Pool<Int> { made.withLock { $0 += 1; return $0 } }
        let inUse = Locked(Set<Int>())
        let clashes = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 200) { _ in
            pool.borrow { element in
                let fresh = inUse.withLock { $0.insert(element).inserted }
                if !fresh { clashes.withLock { $0 += 1 } }
                Thread.sleep(forTimeInterval: 0.0005)
                _ = inUse.withLock { $0.remove(element) }
            }
        }
        #expect(clashes.withLock { $0 } == 0)
        #expect(made.withLock { $0 } <= ProcessInfo.processInfo.activeProcessorCount + 2)
    }

    @Test func aLockThatIsHeldIsNotWaitedForWhenAskedNotTo() {
        let value = Locked(1)
        let holding = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        Thread {
            value.withLock { _ in
                holding.signal()
                release.wait()
            }
        }.start()
        holding.wait()
        #expect(value.withLockIfAvailable { $0 } == nil)
        release.signal()
        // once the holder lets go (a moment, or longer on a busy machine), the lock is taken
        var taken: Int?
        let deadline = Date().addingTimeInterval(5)
        while taken == nil && Date() < deadline {
            taken = value.withLockIfAvailable { $0 }
            if taken == nil { Thread.sleep(forTimeInterval: 0.001) }
        }
        #expect(taken == 1)
    }
}
