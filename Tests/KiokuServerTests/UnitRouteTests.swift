import Foundation
import Testing
import KiokuTestSupport

/// `GET`, `PATCH` and `DELETE /api/units/{id}` against the real `kioku serve`: a correction is
/// what the next lookup answers, a deleted unit is gone from every route, and a wrong token or
/// id gets a JSON error with the TM left as it was.
@Suite(.serialized) struct UnitRouteTests {
    let sentence = "During the gathering in Vladivostok, President Putin and PM Abe agreed to once again meet on December 15 in Japan."
    var escaped: String { sentence.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }

    func json(_ data: Data) -> Any? { ServerProcess.json(data) }

    func firstTarget(_ server: ServerProcess) async throws -> String? {
        (json(try await server.get("/tmserver/en/ru/unit/\(escaped)").data) as? [[String: Any]])?.first?["target"] as? String
    }

    @Test func anEditIsAnsweredByTheNextLookupAndShownInTheHistory() async throws {
        let server = try ServerProcess()
        defer { server.stop() }
        #expect(try await firstTarget(server)?.contains("договорились вновь встретиться") == true)
        let corrected = "Во Владивостоке Путин и Абэ договорились снова встретиться 15 декабря в Японии."
        let body = Data(#"{"lang": "ru", "text": "\#(corrected)", "user": "olga"}"#.utf8)
        #expect(try await server.request("PATCH", "/api/units/22", body: body).status == 401)
        #expect(try await server.request("PATCH", "/api/units/22", body: body, token: "wrong").status == 401)
        #expect(try await firstTarget(server)?.contains("вновь") == true)  // nothing changed
        let (status, data) = try await server.request("PATCH", "/api/units/22", body: body, token: "secret")
        #expect(status == 200, "\(String(decoding: data, as: UTF8.self))")
        #expect((json(data) as? [String: Any])?["changed"] as? Bool == true)
        #expect(try await firstTarget(server) == corrected)
        let (_, unitData) = try await server.get("/api/units/22")
        let unit = try #require(json(unitData) as? [String: Any])
        let history = try #require(unit["history"] as? [[String: Any]])
        #expect(history.count == 1 && (history[0]["text"] as? String)?.hasPrefix("Во время встречи во Владивостоке") == true)
        #expect((history[0]["replaced"] as? [String: Any])?["user"] as? String == "olga")
        // Bad edits: JSON errors, nothing written.
        for (path, body, expected) in [
            ("/api/units/99", #"{"lang": "ru", "text": "x"}"#, 404),
            ("/api/units/22", #"{"lang": "de", "text": "x"}"#, 422),
            ("/api/units/22", #"{"lang": "ru", "text": "  "}"#, 422),
            ("/api/units/22", #"{"text": "x"}"#, 400),
            ("/api/units/abc", #"{"lang": "ru", "text": "x"}"#, 400),
        ] {
            let (status, data) = try await server.request("PATCH", path, body: Data(body.utf8), token: "secret")
            #expect(status == expected && ServerProcess.errorMessage(data) != nil, "\(path) \(body): \(status)")
        }
        #expect(try await firstTarget(server) == corrected)
    }

    @Test func aDeletedUnitIsGoneFromEveryRoute() async throws {
        let server = try ServerProcess()
        defer { server.stop() }
        #expect(try await server.request("DELETE", "/api/units/22").status == 401)
        #expect(try await server.unitCount() == 25)
        let (status, data) = try await server.request("DELETE", "/api/units/22", token: "secret")
        #expect(status == 200 && (json(data) as? [String: Any])?["deleted"] as? Int == 22)
        #expect(try await firstTarget(server)?.contains("15 декабря") != true)
        let lookup = try await server.post("/api/lookup", #"{"text": "\#(sentence)", "src": "en", "tgt": "ru", "min": 50}"#)
        #expect(!String(decoding: lookup.data, as: UTF8.self).contains("\"unitID\":22"))
        let concordance = try await server.get("/api/concordance?text=December&lang=en")
        #expect(!String(decoding: concordance.data, as: UTF8.self).contains("\"unitID\":22"))
        #expect(try await server.get("/api/units/22").status == 404)
        #expect(try await server.request("DELETE", "/api/units/22", token: "secret").status == 404)
        #expect(try await server.unitCount() == 24)
    }

    @Test func changesAnotherProgramMakesAreServed() async throws {
        let server = try ServerProcess()
        defer { server.stop() }
        #expect(try KiokuProcess.run(["edit", "--tm", server.tm, "--id", "22", "--lang", "ru", "--text", "Исправленный перевод."]).status == 0)
        // the server looks for changes every 0.25 s; how soon it answers is for a benchmark, not a test
        let seen = try await Polling.within(5) { try await firstTarget(server) == "Исправленный перевод." }
        #expect(seen != nil, "the edit was never served")
        #expect(try KiokuProcess.run(["delete", "--tm", server.tm, "--id", "22"]).status == 0)
        #expect(try await firstTarget(server) != "Исправленный перевод.")  // at once: a deleted unit is never read
    }
}
