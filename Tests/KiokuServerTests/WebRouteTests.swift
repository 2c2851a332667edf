import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import KiokuTestSupport

/// The web page's routes on the real server: HTML with a strict Content-Security-Policy, the
/// stylesheet and script it allows, and pages (not JSON) for what is not there. What a user does
/// on the page is tested in a real browser (scripts/browser-test.sh).
@Suite(.serialized) struct WebRouteTests {
    @Test func pagesComeWithAStrictPolicyAndNoInlineScript() async throws {
        let server = try ServerProcess()
        defer { server.stop() }
        for path in ["/", "/?q=Tokyo&src=en&tgt=ru", "/units/22", "/check", "/stats"] {
            let (status, data, response) = try await server.exchange("GET", path)
            #expect(status == 200, "\(path)")
            #expect(response.value(forHTTPHeaderField: "Content-Type") == "text/html; charset=utf-8")
            let policy = response.value(forHTTPHeaderField: "Content-Security-Policy") ?? ""
            #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'") && !policy.contains("unsafe"), "\(policy)")
            #expect(response.value(forHTTPHeaderField: "X-Content-Type-Options") == "nosniff")
            let html = String(decoding: data, as: UTF8.self)
            // every script is a file of this server; no handler or style written into the page
            #expect(html.components(separatedBy: "<script").count == 2 && html.contains(#"<script src="/static/kioku.js" defer></script>"#))
            #expect(!html.contains(" onclick=") && !html.contains(" style=") && !html.contains("<style"), "\(path)")
        }
        let (_, script, scriptResponse) = try await server.exchange("GET", "/static/kioku.js")
        #expect(scriptResponse.value(forHTTPHeaderField: "Content-Type") == "text/javascript; charset=utf-8")
        #expect(String(decoding: script, as: UTF8.self).contains("sessionStorage"))
        let (_, _, styleResponse) = try await server.exchange("GET", "/static/kioku.css")
        #expect(styleResponse.value(forHTTPHeaderField: "Content-Type") == "text/css; charset=utf-8")
    }

    @Test func whatIsNotThereIsAPageSayingSo() async throws {
        let server = try ServerProcess()
        defer { server.stop() }
        for (path, message) in [("/units/99", "There is no unit 99"), ("/units/abc", "/units/22")] {
            let (status, data, response) = try await server.exchange("GET", path)
            #expect(status == 404 && response.value(forHTTPHeaderField: "Content-Type") == "text/html; charset=utf-8")
            #expect(String(decoding: data, as: UTF8.self).contains(message), "\(path)")
        }
        #expect(try await server.get("/favicon.ico").status == 204)
    }
}
