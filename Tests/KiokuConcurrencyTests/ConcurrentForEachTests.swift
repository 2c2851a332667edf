import Testing
@testable import KiokuConcurrency

@Suite struct ConcurrentForEachTests {
    /// Every element is changed exactly once, whatever the workers and the count.
    @Test(arguments: [1, 2, 5, 64])
    func eachElementIsChangedOnce(workers: Int) {
        for count in [0, 1, 7, 1_000] {
            var values = Array(0..<count)
            concurrentForEach(&values, workers: workers) { $0 = $0 * 2 + 1 }
            #expect(values == (0..<count).map { $0 * 2 + 1 }, "\(count) elements")
        }
    }
}
