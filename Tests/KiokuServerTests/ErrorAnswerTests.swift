import Testing
import KiokuMemory
@testable import KiokuServer

/// A TM failure reaches a client as the status that says whose move it is, never with a path.
@Suite struct ErrorAnswerTests {
    @Test func memoryErrorsBecomeStatusesWithoutPaths() {
        let path = "/srv/tm/secret.kioku"
        let cases: [(MemoryError, Int)] = [
            (.busy(path: path), 503), (.diskFull(path: path), 507), (.readOnly(path: path), 403),
            (.writeFailed(path: path, reason: "I/O error"), 500), (.damaged(path: path, reason: "malformed"), 500),
            (.damagedIndex(path: path, language: "en"), 500), (.readFailed(path: path, reason: "I/O error"), 500),
        ]
        for (error, status) in cases {
            let answer = RequestError(error)
            #expect(answer.status.code == status, "\(error)")
            #expect(!answer.message.contains(path), "\(error)")
        }
        #expect(RequestError(.busy(path: path)).message.contains("retry"))
    }
}
