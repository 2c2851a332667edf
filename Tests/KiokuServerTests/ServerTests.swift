import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import KiokuTestSupport

/// Starts the real `kioku serve` on a free loopback port and speaks HTTP to it, the way
/// Weblate's tmserver machinery, Virtaal and our own JSON clients do.
@Suite(.serialized) struct ServerTests {
    let treaty = "Moscow and Tokyo have still not signed a peace treaty following the end of World War II."
    let treatyRU = "Москва и Токио до сих пор не подписали мирный договор после окончания Второй мировой войны."

    func json(_ data: Data) -> Any? { ServerProcess.json(data) }

    @Test func tmserverRoutesAnswerAsWeblateAndVirtaalExpect() async throws {
        let server = try ServerProcess()
        defer { server.stop() }
        // Weblate: quote(text, safe="") after text[:500].replace("\r", " "); base URL without trailing slash.
        let escaped = treaty.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        for path in ["/tmserver/en/ru/unit/\(escaped)", "/api/v1/en/ru/unit/\(escaped)",
                     "/api/v1//en/ru/unit/\(escaped)" /* Virtaal: base ".../api/v1/" + "/en/ru/unit" */] {
            let (status, data) = try await server.get(path)
            #expect(status == 200, "\(path)")
            let list = try #require(json(data) as? [[String: Any]], "\(path)")
            #expect(list.first?["source"] as? String == treaty)
            #expect(list.first?["target"] as? String == treatyRU)
            #expect((list.first?["quality"] as? NSNumber)?.intValue == 100)  // Weblate: int(line["quality"])
            #expect(list.first?["context"] is String)
        }
        // A line break sent as "\r\n" (Virtaal) or " \n" (Weblate) is white space: still the same sentence.
        let withBreak = "Moscow and Tokyo have still not signed a peace treaty\r\nfollowing the end of World War II."
        let (_, broken) = try await server.get("/tmserver/en/ru/unit/\(withBreak.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
        #expect((json(broken) as? [[String: Any]])?.first?["target"] as? String == treatyRU)
        // ?source= form, min_similarity and max_candidates, codes in any case and either separator.
        let (status, data) = try await server.get("/tmserver/EN/ja_JP/unit/?source=\(escaped)&min_similarity=50&max_candidates=1")
        #expect(status == 200)
        #expect((json(data) as? [[String: Any]])?.count == 1)
        let (fuzzy, fuzzyData) = try await server.get("/tmserver/en-US/ru_ru/unit/Moscow%20and%20Tokyo%20have%20not%20signed%20a%20peace%20treaty.?min_similarity=50")
        #expect(fuzzy == 200)
        let qualities = (json(fuzzyData) as? [[String: Any]])?.compactMap { ($0["quality"] as? NSNumber)?.doubleValue } ?? []
        #expect(!qualities.isEmpty && qualities.allSatisfy { $0 >= 50 && $0 < 100 })
        #expect(qualities == qualities.sorted(by: >))
        // Languages, with the trailing slash Weblate sends.
        let languages = try #require(json(try await server.get("/api/v1/languages/").data) as? [String: [String]])
        #expect(languages["sourceLanguages"] == ["en", "ja", "ru"])
        #expect(languages["targetLanguages"] == ["en", "ja", "ru"])
        // A pair the TM lacks: no suggestions (what Weblate's settings check asks: en→de "test").
        let (missing, missingData) = try await server.get("/tmserver/en/de/unit/test")
        #expect(missing == 200)
        #expect((json(missingData) as? [Any])?.isEmpty == true)
        // Invalid UTF-8 in the path: 400.
        #expect(try await server.get("/tmserver/en/ru/unit/%FF%FE").status == 400)
        #expect(try await server.get("/tmserver/en/ru/unit/?source=Tokyo&max_candidates=0").status == 400)
    }

    @Test func strictPairsAnswer404NamingTheRouteFamilyUsed() async throws {
        let server = try ServerProcess(arguments: ["--strict-pairs"])
        defer { server.stop() }
        let (status, data) = try await server.get("/tmserver/en/de/unit/test")
        #expect(status == 404)
        let message = try #require(ServerProcess.errorMessage(data))
        #expect(message.contains("en–de") && message.contains("GET /tmserver/languages/") && !message.contains("/api/v1"))
        let (amagama, amagamaData) = try await server.get("/api/v1/en/de/unit/test")
        #expect(amagama == 404)
        #expect(ServerProcess.errorMessage(amagamaData)?.contains("GET /api/v1/languages/") == true)
        // Kioku's own JSON API says 404 whatever the flag, and which languages the TM holds.
        let (lookup, lookupData) = try await server.post("/api/lookup", #"{"text": "test", "src": "en", "tgt": "de"}"#)
        #expect(lookup == 404)
        #expect(ServerProcess.errorMessage(lookupData)?.contains("it holds en, ja, ru") == true)
    }

    @Test func theOldFlagForEmptyAnswersStillStartsTheServer() async throws {
        let server = try ServerProcess(arguments: ["--empty-for-unknown-pairs"])
        defer { server.stop() }
        let (status, data) = try await server.get("/tmserver/en/de/unit/test")
        #expect(status == 200)
        #expect((json(data) as? [Any])?.isEmpty == true)
        let (lookup, _) = try await server.post("/api/lookup", #"{"text": "test", "src": "en", "tgt": "de"}"#)
        #expect(lookup == 404)
    }

    @Test func writesNeedTheTokenAndAreSeenAtOnce() async throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let unit = #"{"units":[{"en":"Sochi hosted the Winter Olympics.","ru":"Сочи принял зимнюю Олимпиаду."}]}"#
        #expect(try await server.post("/api/units", unit).status == 401)
        #expect(try await server.post("/api/units", unit, token: "wrong").status == 401)
        #expect(try await server.post("/api/units", unit, token: "secre").status == 401)
        #expect(try await server.unitCount() == 25)
        let (status, data) = try await server.post("/api/units", unit, token: "secret")
        #expect(status == 201)
        #expect((json(data) as? [String: Any])?["added"] as? Int == 1)
        let (_, found) = try await server.get("/tmserver/en/ru/unit/Sochi%20hosted%20the%20Winter%20Olympics.")
        #expect((json(found) as? [[String: Any]])?.first?["target"] as? String == "Сочи принял зимнюю Олимпиаду.")
        #expect(try await server.unitCount() == 26)

        // Virtaal's add (PUT) and update (POST) on the tmserver route; a new pair appears in the languages.
        let put = try await server.request("PUT", "/api/v1//en/pt_BR/unit/Tokyo%2FKyoto", body: Data(#"{"source":"Tokyo/Kyoto","target":"Tóquio/Quioto"}"#.utf8), token: "secret")
        #expect(put.status == 201)
        let languages = try #require(json(try await server.get("/api/v1/languages/").data) as? [String: [String]])
        #expect(languages["targetLanguages"]?.contains("pt") == true && languages["targetLanguages"]?.contains("pt_br") == true)
        let (_, portuguese) = try await server.get("/tmserver/en/pt_br/unit/Tokyo%2FKyoto")
        #expect((json(portuguese) as? [[String: Any]])?.first?["target"] as? String == "Tóquio/Quioto")
        // An update: the same source with a corrected target becomes the first answer.
        let update = try await server.request("POST", "/tmserver/en/pt-br/unit/Tokyo%2FKyoto", body: Data(#"{"target":"Tóquio e Quioto"}"#.utf8), token: "secret")
        #expect(update.status == 201)
        let (_, updated) = try await server.get("/tmserver/en/pt/unit/Tokyo%2FKyoto")
        let answers = (json(updated) as? [[String: Any]])?.compactMap { $0["target"] as? String }
        #expect(answers == ["Tóquio e Quioto", "Tóquio/Quioto"])
        // stored under the code as sent, region and all
        let stats = try #require(json(try await server.get("/api/stats").data) as? [String: Any])
        let stored = (stats["languages"] as? [[String: Any]])?.compactMap { $0["language"] as? String } ?? []
        #expect(stored.contains("pt-BR"))
    }

    @Test func unitsAnotherProgramImportsAreServed() async throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let file = server.directory.appendingPathComponent("more.tsv")
        try "en\tru\nThe Kuril Islands lie north of Hokkaido.\tКурильские острова лежат к северу от Хоккайдо.\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try KiokuProcess.run(["import", file.path, "--tm", server.tm]).status == 0)
        // the server looks for changes every 0.25 s; how soon it answers is for a benchmark, not a test
        let seen = try await Polling.within(5) {
            let (_, data) = try await server.get("/tmserver/en/ru/unit/The%20Kuril%20Islands%20lie%20north%20of%20Hokkaido.")
            return (json(data) as? [[String: Any]])?.first?["target"] as? String == "Курильские острова лежат к северу от Хоккайдо."
        }
        #expect(seen != nil, "the imported unit was never served")
    }

    @Test func aServerWithoutTokenTakesNoWrites() async throws {
        let server = try ServerProcess(arguments: [])
        defer { server.stop() }
        let (status, data) = try await server.post("/api/units", #"{"units":[{"en":"a b","ru":"а б"}]}"#, token: "anything")
        #expect(status == 403)
        #expect(ServerProcess.errorMessage(data)?.contains("--token") == true)
    }

    @Test func badRequestsGetClearJSONErrorsAndLeaveTheTMAsItWas() async throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let before = try ServerProcess.runKiokuExport(tm: server.tm)
        let tenMegabytes = Data(repeating: UInt8(ascii: "x"), count: 10 << 20)
        let cases: [(String, String, Data?, String?, Int, String)] = [
            ("POST", "/api/units", Data("{\"units\": [".utf8), "secret", 400, "not valid JSON"),
            ("POST", "/api/units", Data(#"{"units":[{"en":"Tokyo","ru":"Токио"},{"en":"only English"}]}"#.utf8), "secret", 400, "unit 2"),
            ("POST", "/api/units", Data(#"{"units":[{"en":"Tokyo","xx_1":"Токио"}]}"#.utf8), "secret", 400, "xx_1"),
            ("POST", "/api/units", tenMegabytes, "secret", 413, "larger than"),
            ("POST", "/api/units", Data(#"{"units":[{"en":"Tokyo","ru":"Токио"}]}"#.utf8), nil, 401, "Authorization"),
            ("POST", "/api/lookup", Data("[]".utf8), nil, 400, "expected"),
            ("POST", "/api/lookup", Data(#"{"text":"Tokyo","src":"en","tgt":"??"}"#.utf8), nil, 400, "language code"),
            ("POST", "/api/lookup", tenMegabytes, nil, 413, "larger than"),
            ("GET", "/tmserver/en/ru/unit/%C3%28", nil, nil, 400, "UTF-8"),
            ("POST", "/api/lookup", Data(#"{"text":"Tokyo","src":"en","tgt":"xx"}"#.utf8), nil, 404, "no en–xx units"),
            ("GET", "/api/concordance?lang=en", nil, nil, 400, "?text="),
            ("GET", "/no/such/route", nil, nil, 404, "no such route"),
            ("DELETE", "/api/units", nil, "secret", 404, "no such route"),
        ]
        for (method, path, body, token, expected, message) in cases {
            let (status, data) = try await server.request(method, path, body: body, token: token)
            #expect(status == expected, "\(method) \(path)")
            let error = ServerProcess.errorMessage(data)
            #expect(error?.contains(message) == true, "\(method) \(path): \(error ?? String(decoding: data.prefix(200), as: UTF8.self))")
        }
        #expect(server.isRunning)
        #expect(try await server.unitCount() == 25)
        server.stop()
        #expect(try ServerProcess.runKiokuExport(tm: server.tm) == before)
    }

    @Test func jsonAPIServesEveryVerb() async throws {
        let glossary = Repository.path("glossaries/names-and-places.tbx")
        let server = try ServerProcess(arguments: ["--glossary", glossary])
        defer { server.stop() }
        // lookup: score, diff, adapted target, glossary annotations
        let (status, data) = try await server.post("/api/lookup",
            #"{"text":"During the gathering in Vladivostok, President Putin and PM Abe agreed to once again meet on December 20 in Japan.","src":"en","tgt":"ru"}"#)
        #expect(status == 200)
        let answer = try #require(json(data) as? [String: Any])
        let first = try #require((answer["matches"] as? [[String: Any]])?.first)
        #expect(first["score"] as? Int == 99)
        #expect((first["adaptedTarget"] as? String)?.contains("20 декабря") == true)
        #expect((first["diff"] as? [Any])?.isEmpty == false)
        // the unit's dates, and the target variant's own (where OmegaT keeps them)
        #expect((first["metadata"] as? [String: Any])?["creationDate"] as? String == "20161001T120000Z")
        #expect(first["targetMetadata"] is [String: Any])
        let requires = ((answer["glossary"] as? [String: Any])?["requires"] as? [[String: Any]])?.compactMap { $0["concept"] as? String } ?? []
        #expect(requires.contains { $0.contains("Putin") } && requires.contains { $0.contains("Vladivostok") })
        // concordance
        let (_, hits) = try await server.get("/api/concordance?text=%D0%9F%D1%83%D1%82%D0%B8%D0%BD&lang=ru&max=3")  // Путин
        let found = (json(hits) as? [String: Any])?["hits"] as? [[String: Any]] ?? []
        #expect(found.count == 3)
        #expect(found.allSatisfy { ($0["text"] as? String)?.contains("Путин") == true })
        // check of posted units: the published errors we exist to stop
        let (checked, report) = try await server.post("/api/check",
            #"{"units":[{"en":"Shinzo Abe met Vladimir Putin in Vladivostok.","ru":"Шинзо Абе встретился с Владимиром Путиным во Владивостоке."}]}"#)
        #expect(checked == 200)
        let findings = (json(report) as? [String: Any])?["findings"] as? [[String: Any]] ?? []
        #expect(findings.contains { $0["kind"] as? String == "forbidden" && ($0["found"] as? [String])?.contains("Шинзо Абе") == true })
        #expect(findings.allSatisfy { $0["location"] as? String == "unit 1" })
        // stats and metrics
        let stats = try #require(json(try await server.get("/api/stats").data) as? [String: Any])
        #expect(stats["units"] as? Int == 25)
        let metrics = String(decoding: try await server.get("/metrics").data, as: UTF8.self)
        #expect(metrics.contains("kioku_lookups_total 1"))
    }

    @Test func noAnsweredWriteIsLostWhenTheServerIsKilled() async throws {
        for signal in [SIGKILL, SIGTERM] {
            let server = try ServerProcess()
            var acknowledged: [String] = []
            let answered = AnsweredBatches()
            // Writes go on in a task; the server is stopped while they do.
            let writer = Task { () -> [String] in
                var done: [String] = []
                for batch in 0..<400 {
                    let sentences = (0..<20).map { "Acknowledged sentence \(batch)-\($0) about Vladivostok." }
                    let units = sentences.map { #"{"en":"\#($0)","ru":"Подтверждённое предложение \#($0)."}"# }
                    let body = #"{"units":[\#(units.joined(separator: ","))]}"#
                    guard let (status, _) = try? await server.post("/api/units", body, token: "secret") else { break }
                    if status == 201 { done += sentences } else { break }
                    await answered.add()
                }
                return done
            }
            // Stopped once a few writes were answered, with more on the way (a fixed pause of
            // 0.7 s saw none answered once, the whole suite running on two cores).
            let started = try await Polling.within(30) { await answered.count >= 3 }
            #expect(started != nil, "no write was answered within 30 s")
            server.stop(signal: signal)
            acknowledged = await writer.value
            #expect(acknowledged.count > 0, "no write was answered before the signal")
            if signal == SIGTERM { #expect(server.process.terminationStatus == 0) }
            // Everything answered with 201 is in the TM file.
            let exported = try ServerProcess.runKiokuExport(tm: server.tm)
            let stored = Set(exported.split(separator: "\n").flatMap { $0.split(separator: "\t").map(String.init) })
            let lost = acknowledged.filter { !stored.contains($0) }
            #expect(lost.isEmpty, "signal \(signal): \(lost.count) of \(acknowledged.count) answered units are missing")
        }
    }
}

/// How many batches of writes a server has answered so far, counted by the task that sends them.
actor AnsweredBatches {
    private(set) var count = 0
    func add() { count += 1 }
}

extension ServerProcess {
    /// The TM exported as TSV (what a user would look at to see their units).
    static func runKiokuExport(tm: String) throws -> String {
        let file = Scratch.path("export.tsv")
        let status = try KiokuProcess.run(["export", "--tm", tm, "--to", file]).status
        guard status == 0 else { return "export failed with \(status)" }
        return try String(contentsOfFile: file, encoding: .utf8)
    }
}
