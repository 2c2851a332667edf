import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Starts the real `kioku serve` on a free loopback port and speaks HTTP to it.
@Suite(.serialized) struct ServerTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var kioku: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("kioku").path), directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("kioku")
    }

    /// A running server on the seed memory; stopped by `stop()`.
    final class Server {
        let process = Process()
        let base: URL

        init(token: String = "secret") throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kioku-server-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let tm = directory.appendingPathComponent("seed.kioku").path
            let importer = Process()
            importer.executableURL = ServerTests.kioku
            importer.arguments = ["import", ServerTests.repository.appendingPathComponent("memories/seed-summit.tmx").path, "--tm", tm]
            importer.standardOutput = Pipe()
            try importer.run()
            importer.waitUntilExit()
            process.executableURL = ServerTests.kioku
            process.arguments = ["serve", "--tm", tm, "--port", "0", "--token", token]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = Pipe()
            try process.run()
            // the first line names the port
            var line = Data()
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                let byte = output.fileHandleForReading.readData(ofLength: 1)
                if byte.isEmpty || byte == Data("\n".utf8) { break }
                line.append(byte)
            }
            let text = String(decoding: line, as: UTF8.self)
            guard let port = text.split(separator: ":").last.flatMap({ Int($0) }) else {
                throw URLError(.cannotConnectToHost)
            }
            base = URL(string: "http://127.0.0.1:\(port)")!
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }

        func get(_ path: String) async throws -> (Int, Data) {
            let (data, response) = try await URLSession.shared.data(from: URL(string: base.absoluteString + path)!)
            return ((response as! HTTPURLResponse).statusCode, data)
        }

        func post(_ path: String, _ body: String, token: String? = nil) async throws -> (Int, Data) {
            var request = URLRequest(url: URL(string: base.absoluteString + path)!)
            request.httpMethod = "POST"
            request.httpBody = Data(body.utf8)
            if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as! HTTPURLResponse).statusCode, data)
        }
    }

    func json(_ data: Data) -> Any? { try? JSONSerialization.jsonObject(with: data) }

    @Test func tmserverRoutesAnswerAsTheClientsExpect() async throws {
        let server = try Server()
        defer { server.stop() }
        let sentence = "Moscow and Tokyo have still not signed a peace treaty following the end of World War II."
        let escaped = sentence.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        for prefix in ["/tmserver", "/api/v1"] {
            let (status, data) = try await server.get("\(prefix)/en/ru/unit/\(escaped)")
            #expect(status == 200)
            let list = try #require(json(data) as? [[String: Any]])
            #expect(list.first?["source"] as? String == sentence)
            #expect(list.first?["target"] as? String == "Москва и Токио до сих пор не подписали мирный договор после окончания Второй мировой войны.")
            #expect((list.first?["quality"] as? NSNumber)?.intValue == 100)
            #expect(list.first?["context"] is String)
        }
        // ?source= form, min_similarity and max_candidates, language codes in either form
        let (status, data) = try await server.get("/tmserver/EN/ja_JP/unit/?source=\(escaped)&min_similarity=50&max_candidates=1")
        #expect(status == 200)
        #expect((json(data) as? [[String: Any]])?.count == 1)
        let languages = try #require(json(try await server.get("/api/v1/languages/").1) as? [String: [String]])
        #expect(languages["sourceLanguages"] == ["en", "ja", "ru"])
        #expect(try await server.get("/tmserver/en/de/unit/Tokyo").0 == 404)
        #expect(try await server.get("/tmserver/en/ru/unit/%FF%FE").0 == 400)
    }

    @Test func writesNeedTheTokenAndAreSeenAtOnce() async throws {
        let server = try Server()
        defer { server.stop() }
        let unit = #"{"units":[{"en":"Sochi hosted the Winter Olympics.","ru":"Сочи принял зимнюю Олимпиаду."}]}"#
        #expect(try await server.post("/api/units", unit).0 == 401)
        #expect(try await server.post("/api/units", unit, token: "wrong").0 == 401)
        #expect(try await server.post("/api/units", "{not json", token: "secret").0 == 400)
        let (status, _) = try await server.post("/api/units", unit, token: "secret")
        #expect(status == 201)
        let (_, data) = try await server.get("/tmserver/en/ru/unit/Sochi%20hosted%20the%20Winter%20Olympics.")
        #expect((json(data) as? [[String: Any]])?.first?["target"] as? String == "Сочи принял зимнюю Олимпиаду.")
        let health = try #require(json(try await server.get("/health").1) as? [String: Any])
        #expect(health["units"] as? Int == 26)
    }

    @Test func jsonLookupAndBadRequests() async throws {
        let server = try Server()
        defer { server.stop() }
        let (status, data) = try await server.post("/api/lookup",
            #"{"text":"During the gathering in Vladivostok, President Putin and PM Abe agreed to once again meet on December 20 in Japan.","src":"en","tgt":"ru"}"#)
        #expect(status == 200)
        let answer = try #require(json(data) as? [String: Any])
        let first = try #require((answer["matches"] as? [[String: Any]])?.first)
        #expect(first["score"] as? Int == 99)
        #expect((first["adaptedTarget"] as? String)?.contains("20 декабря") == true)
        #expect(try await server.post("/api/lookup", "[]").0 == 400)
        let huge = String(repeating: "x", count: 2 << 20)
        #expect(try await server.post("/api/lookup", huge).0 == 413)
        #expect(try await server.get("/metrics").0 == 200)
    }
}
