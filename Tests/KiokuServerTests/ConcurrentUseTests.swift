import Foundation
import Testing
import KiokuTestSupport

/// Programs sharing one TM at the same moment, as a team does: `kioku import` while the
/// server takes writes, and lookups pouring in while `kioku reindex` rebuilds the index.
/// Everything acknowledged is kept, nothing deadlocks, and no lookup fails or changes its
/// answer because of the other program.
@Suite(.serialized) struct ConcurrentUseTests {
    /// `count` EN–RU pairs, `tag` making them unique to their writer.
    static func pairs(_ count: Int, tag: String) -> [(en: String, ru: String)] {
        (0..<count).map { ("Report \(tag)-\($0): fishing talks near Sakhalin resumed on day \($0 % 30).",
                           "Сообщение \(tag)-\($0): переговоры о рыболовстве у Сахалина возобновились в день \($0 % 30).") }
    }

    static func tsv(_ pairs: [(en: String, ru: String)], in directory: URL) throws -> String {
        let file = directory.appendingPathComponent("import-\(UUID().uuidString).tsv")
        try ("en\tru\n" + pairs.map { "\($0.en)\t\($0.ru)" }.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func anImportWhileTheServerWritesKeepsBoth() async throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let file = try Self.tsv(Self.pairs(5_000, tag: "cli"), in: server.directory)
        let importer = Task.detached { try KiokuProcess.run(["import", file, "--tm", server.tm]) }
        var acknowledged = 0
        for batch in 0..<40 {
            let units = Self.pairs(25, tag: "http\(batch)").map { ["en": $0.en, "ru": $0.ru] }
            let body = try JSONSerialization.data(withJSONObject: ["units": units])
            let (status, data) = try await server.request("POST", "/api/units", body: body, token: "secret")
            // A write the lock kept waiting too long is refused as busy, never lost unannounced.
            #expect(status == 201 || (status == 503 && ServerProcess.errorMessage(data)?.contains("busy") == true), "\(status)")
            if status == 201 { acknowledged += 25 }
        }
        let imported = try await importer.value
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(acknowledged == 1_000)
        let expected = 25 + 5_000 + acknowledged
        #expect(try await server.unitCount() == expected)
        // The server serves what the other program imported.
        let found = try await Polling.within(5) {
            let (_, data) = try await server.post("/api/lookup", #"{"text": "Report cli-4999: fishing talks near Sakhalin resumed on day 19.", "src": "en", "tgt": "ru", "max": 1}"#)
            return String(decoding: data, as: UTF8.self).contains("Сообщение cli-4999")
        }
        #expect(found != nil)
        server.stop()
        let verify = try KiokuProcess.run(["verify", "--tm", server.tm])
        #expect(verify.status == 0 && verify.output.contains(": \(expected.formatted()) units"), "\(verify.output)\(verify.errors)")
    }

    @Test func lookupsDuringAReindexAnswerAsBefore() async throws {
        let server = try ServerProcess()
        defer { server.stop() }
        #expect(try KiokuProcess.run(["import", try Self.tsv(Self.pairs(5_000, tag: "base"), in: server.directory), "--tm", server.tm]).status == 0)
        let queries = (0..<20).map { #"{"text": "Report base-\#($0 * 247): fishing talks near Sakhalin resumed on day \#($0 * 247 % 30 + 1).", "src": "en", "tgt": "ru", "min": 50, "max": 3}"# }
        func answers() async throws -> [String] {
            try await queries.asyncMap { query in
                let (status, data) = try await server.post("/api/lookup", query)
                #expect(status == 200)
                return String(decoding: data, as: UTF8.self).replacingOccurrences(of: #""took_ms" *: *[0-9.e-]+,?"#, with: "", options: .regularExpression)
            }
        }
        // Wait until the server has caught up with the import, then take the answers.
        var before: [String] = []
        let caughtUp = try await Polling.within(30) {
            before = try await answers()
            return before.allSatisfy { $0.contains("Сообщение base-") }
        }
        #expect(caughtUp != nil, "the server never served the imported units")
        let done = Flag()
        let reindex = Task.detached {
            defer { done.set() }
            return try KiokuProcess.run(["reindex", "--tm", server.tm])
        }
        // Lookups until the rebuild has finished: every round answers exactly as before.
        var roundsDuring = 0
        while !done.isSet {
            #expect(try await answers() == before)
            roundsDuring += 1
        }
        #expect(roundsDuring >= 1, "the rebuild ended before any lookup was sent")
        let result = try await reindex.value
        #expect(result.status == 0, "\(result.errors)")
        #expect(try await answers() == before)
        server.stop()
        #expect(try KiokuProcess.run(["verify", "--tm", server.tm]).status == 0)
    }
}

/// A one-way signal between tasks: set once, read any time.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

extension Array {
    /// `transform` applied to each element in turn.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
