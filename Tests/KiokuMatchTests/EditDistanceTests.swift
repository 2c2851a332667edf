import Testing
import KiokuTestSupport
@testable import KiokuMatch

@Suite struct EditDistanceTests {
    @Test func bitParallelEqualsDynamicProgramming() {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        for _ in 0..<400 {
            let alphabet = next(6) + 2
            let pattern = (0..<next(150) + 1).map { _ in next(alphabet) + 1 }
            let text = (0..<next(150)).map { _ in next(alphabet + 1) }  // 0: a symbol not in the pattern
            let bitParallel = BitParallelPattern(symbols: pattern, symbolCount: alphabet + 1)
            let distance = text.map(UInt16.init).withUnsafeBufferPointer { bitParallel.distance(to: $0) }
            #expect(distance == levenshtein(pattern, text), "pattern \(pattern.count), text \(text.count)")
        }
    }

    @Test func knownDistances() {
        #expect(levenshtein(Array("kitten"), Array("sitting")) == 3)
        #expect(levenshtein([1, 2, 3], []) == 3)
        let pattern = BitParallelPattern(symbols: [1, 2, 3], symbolCount: 3)
        #expect([UInt16]([1, 2, 3]).withUnsafeBufferPointer { pattern.distance(to: $0) } == 0)
        #expect([UInt16]([]).withUnsafeBufferPointer { pattern.distance(to: $0) } == 3)
        #expect([UInt16]([3, 2, 1]).withUnsafeBufferPointer { pattern.distance(to: $0) } == 2)
    }
}
