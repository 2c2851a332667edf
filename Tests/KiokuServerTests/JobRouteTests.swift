import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import KiokuTestSupport

/// `POST /api/analyze` and `POST /api/pretranslate` against the real server: a pipeline sends
/// the job file and gets the analysis or the pre-translated file back.
@Suite(.serialized) struct JobRouteTests {
    let job = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file original="next.docx" source-language="en" target-language="ru" datatype="plaintext">
            <body>
              <trans-unit id="1">
                <source>Moscow and Tokyo have still not signed a peace treaty following the end of World War II.</source>
              </trans-unit>
              <trans-unit id="2">
                <source>Moscow and Tokyo have still not signed a peace treaty following the end of World War II.</source>
              </trans-unit>
              <trans-unit id="3">
                <source>Nothing like this sentence is in the memory at all.</source>
              </trans-unit>
            </body>
          </file>
        </xliff>

        """

    @Test func analyzeAnswersTheBandsAsJSON() async throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let (status, data) = try await server.post("/api/analyze?name=next.xlf", job)
        #expect(status == 200, "\(String(decoding: data, as: UTF8.self))")
        let answer = try #require(ServerProcess.json(data) as? [String: Any])
        let bands = try #require(answer["bands"] as? [[String: Any]])
        let segments = Dictionary(uniqueKeysWithValues: bands.map { ($0["name"] as? String ?? "", $0["segments"] as? Int ?? -1) })
        #expect(segments["100%"] == 1 && segments["repetitions"] == 1 && segments["no match"] == 1)
        #expect((answer["files"] as? [[String: Any]])?.first?["path"] as? String == "next.xlf")
        let (badBands, badData) = try await server.post("/api/analyze?bands=100,abc", job)
        #expect(badBands == 400 && ServerProcess.errorMessage(badData)?.contains("bands") == true)
    }

    @Test func pretranslateAnswersTheFileAndAReportHeader() async throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let (status, data, response) = try await server.exchange("POST", "/api/pretranslate?fill=100", body: Data(job.utf8))
        #expect(status == 200)
        #expect(response.value(forHTTPHeaderField: "Content-Type")?.hasPrefix("application/xliff+xml") == true)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#"state-qualifier="exact-match">Москва и Токио до сих пор не подписали мирный договор после окончания Второй мировой войны.</target>"#))
        let report = try #require(response.value(forHTTPHeaderField: "Kioku-Report").flatMap { ServerProcess.json(Data($0.utf8)) as? [String: Any] })
        #expect(report["segments"] as? Int == 3)
        #expect((report["filled"] as? [String: Int])?["exact-match"] == 2)
    }

    @Test func badJobsGetAClearErrorWithoutServerPaths() async throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let broken = job.replacingOccurrences(of: "<source>Nothing like", with: "<source><g id=\"1\">Nothing like")
        let (status, data) = try await server.post("/api/pretranslate?name=next.xlf", broken)
        #expect(status == 400)
        let message = try #require(ServerProcess.errorMessage(data))
        #expect(message.hasPrefix("next.xlf:") && !message.contains("/tmp") && !message.contains("kioku-job"), "\(message)")
        let german = job.replacingOccurrences(of: "target-language=\"ru\"", with: "target-language=\"de\"")
        let (missing, missingData) = try await server.post("/api/analyze", german)
        #expect(missing == 404 && ServerProcess.errorMessage(missingData)?.contains("no de segments") == true)
        let (po, poData) = try await server.post("/api/analyze?format=po&name=x.po", "msgid \"a\"\nmsgstr \"b\\q\"\n")
        #expect(po == 400 && ServerProcess.errorMessage(poData) == "x.po:2: \\q is not a PO escape (\\n \\t \\\" \\\\ and octal or hex codes are)")
        #expect(try await server.post("/api/analyze", "").status == 400)
    }
}
