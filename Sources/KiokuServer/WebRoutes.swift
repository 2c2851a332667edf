import Foundation
import HTTPTypes
import Hummingbird
import KiokuMemory
import KiokuWeb

/// The curators' web page (``WebSite``) at `/`: `GET /` (search), `/units/{id}`, `/check`,
/// `/stats`, and its stylesheet and script under `/static/`. Every page is sent with a strict
/// Content-Security-Policy; writes go through the JSON API with the token the user entered.
extension TranslationService {
    func addWebRoutes(to router: Router<BasicRequestContext>, site: WebSite) {
        router.get("/") { request, _ in try self.page(request) { try site.search(WebQuery(parsing: request.uri.query ?? "")) } }
        router.get("/units/:id") { request, context in
            try self.page(request) {
                guard let number = context.parameters.get("id").flatMap(Int64.init), number > 0 else {
                    return site.notFound("A unit's page is /units/ and its number, such as /units/22.")
                }
                return try site.unit(UnitID(number))
            }
        }
        router.get("/check") { request, _ in try self.page(request) { try site.check(WebQuery(parsing: request.uri.query ?? "")) } }
        router.get("/stats") { request, _ in try self.page(request) { try site.stats() } }
        router.get("/static/kioku.css") { _, _ in Self.asset(WebAssets.stylesheet, type: "text/css; charset=utf-8") }
        router.get("/static/kioku.js") { _, _ in Self.asset(WebAssets.script, type: "text/javascript; charset=utf-8") }
        // Browsers ask for an icon on every page; there is none, and saying so quietly keeps their consoles clean.
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
    }

    /// A page as an HTML response; a TM failure becomes a page saying so (with the status the
    /// JSON API would give), not a JSON error.
    func page(_ request: Request, _ render: () throws -> WebSite.Page) throws -> Response {
        let page: WebSite.Page
        do {
            page = try render()
        } catch let error as MemoryError {
            let answer = RequestError(error)
            if answer.status.code >= 500 { logger.error("\(request.method) \(request.uri.path) failed: \(error)") }
            metrics.recordError(status: answer.status.code)
            page = webSite.error(answer.message, status: answer.status.code)
        }
        return Response(status: .init(code: page.status), headers: Self.pageHeaders(type: "text/html; charset=utf-8"),
                        body: .init(byteBuffer: ByteBuffer(string: page.html)))
    }

    static func asset(_ text: String, type: String) -> Response {
        var headers = pageHeaders(type: type)
        headers[.cacheControl] = "public, max-age=300"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func pageHeaders(type: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentSecurityPolicy] = WebAssets.contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[.cacheControl] = "no-store"
        return headers
    }
}
