import Foundation
import KiokuTestSupport
import Testing
@testable import KiokuServer

/// The server's edges, against the real `kioku serve` over real sockets: clients that go
/// quiet, send half a request, send headers no server should hold, or come in such numbers
/// that the server runs out of file descriptors. The server closes what it must and keeps
/// answering everyone else.
@Suite(.serialized) struct ServerEdgeTests {
    /// A request a well-behaved client sends.
    static let health = "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"

    func answersHealth(_ server: ServerProcess) -> Bool {
        guard let connection = RawConnection(port: server.port) else { return false }
        connection.send(Self.health)
        return String(decoding: connection.receiveUntilClosed().data, as: UTF8.self).hasPrefix("HTTP/1.1 200")
    }

    @Test func aConnectionThatSendsNothingIsClosed() throws {
        let server = try ServerProcess(arguments: ["--idle-timeout", "1"])
        defer { server.stop() }
        let idle = try #require(RawConnection(port: server.port, timeout: 10))
        let start = Date()
        let (data, closed) = idle.receiveUntilClosed()
        #expect(closed && data.isEmpty)
        #expect(Date().timeIntervalSince(start) < 9)
        #expect(answersHealth(server))
    }

    @Test func halfSentHeadersAreClosedNotWaitedForForever() throws {
        let server = try ServerProcess(arguments: ["--idle-timeout", "1"])
        defer { server.stop() }
        let slow = try #require(RawConnection(port: server.port, timeout: 10))
        slow.send("POST /api/units HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer secret\r\n")
        let start = Date()
        #expect(slow.receiveUntilClosed().closed)
        #expect(Date().timeIntervalSince(start) < 9)
        #expect(answersHealth(server))
    }

    @Test func oversizedHeadersAreRefusedAndTheServerGoesOn() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let client = try #require(RawConnection(port: server.port))
        client.send("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Filler: \(String(repeating: "a", count: 200_000))\r\n\r\n")
        let (data, closed) = client.receiveUntilClosed()
        let answer = String(decoding: data, as: UTF8.self)
        #expect(closed)
        #expect(answer.isEmpty || answer.hasPrefix("HTTP/1.1 4"), "\(answer.prefix(200))")
        #expect(!answer.contains("/tmp") && !answer.contains(".swift"), "\(answer)")
        #expect(answersHealth(server))
    }

    @Test func moreClientsThanFileDescriptorsDoNotStopTheServer() throws {
        // 64 descriptors: the TM's files, the listening socket and a few dozen clients.
        let server = try ServerProcess(arguments: ["--idle-timeout", "1"], openFiles: 64)
        defer { server.stop() }
        var crowd: [RawConnection] = []
        for _ in 0..<200 {
            guard let connection = RawConnection(port: server.port, timeout: 0.5) else { continue }
            crowd.append(connection)
        }
        #expect(crowd.count > 64, "the kernel's backlog should take more connections than the server can accept")
        // The idle timeout frees what the crowd holds; the server takes new clients again.
        let deadline = Date().addingTimeInterval(30)
        var answered = false
        while !answered && Date() < deadline {
            answered = answersHealth(server)
            if !answered { Thread.sleep(forTimeInterval: 0.5) }
        }
        #expect(answered, "the server did not answer within 30 s of the crowd")
        #expect(server.isRunning)
        // Every connection of the crowd is closed by the server in the end, none answered wrongly.
        for connection in crowd.prefix(20) { #expect(connection.receiveUntilClosed().closed) }
    }

    @Test func numbersBeyondIntInAQueryAreRefusedNotFatal() async throws {
        // Found by the server fuzz target: min_similarity=1111…(126 digits) stopped the server
        // (a Double beyond Int.max converted to Int).
        let server = try ServerProcess()
        defer { server.stop() }
        for value in [String(repeating: "1", count: 130), "1e300", "-1e300", "nan", "inf"] {
            let (status, data) = try await server.get("/tmserver/en/ru/unit/Tokyo?min_similarity=\(value)&max_candidates=\(value)")
            #expect(status == 400, "\(value)")
            #expect(ServerProcess.errorMessage(data)?.contains("must be a number from") == true, "\(value)")
        }
        #expect(try await server.get("/tmserver/en/ru/unit/Tokyo?min_similarity=70.5").status == 200)
        #expect(server.isRunning)
    }

    @Test func theTokenComparisonLooksAtEveryByte() {
        let token = Array("Bearer s3cret-token".utf8)
        #expect(constantTimeEqual(token, token))
        #expect(!constantTimeEqual(token, Array("Bearer s3cret-tokeN".utf8)))
        #expect(!constantTimeEqual(token, Array("Bearer s3cret-toke".utf8)))
        #expect(!constantTimeEqual(token, Array("Bearer s3cret-token\u{0}".utf8)))
        #expect(!constantTimeEqual(token, []))
        #expect(!constantTimeEqual([], token))
        #expect(constantTimeEqual([], []))
    }
}
