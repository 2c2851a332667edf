import Foundation
import Hummingbird
import KiokuMemory
import Logging

/// Turns every error into a JSON answer (`{"error": "…"}`) with the right status — unknown
/// routes, oversized bodies, failures deep in the TM — counts it, and logs the 5xx ones.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            if response.status.code >= 400 { metrics.recordError(status: response.status.code) }
            return response
        } catch let error as RequestError {
            metrics.recordError(status: error.status.code)
            return try error.response(from: request, context: context)
        } catch let error as MemoryError {
            let answer = RequestError(error)
            metrics.recordError(status: answer.status.code)
            if answer.status.code >= 500 { logger.error("\(request.method) \(request.uri.path) failed: \(error)") }
            return try answer.response(from: request, context: context)
        } catch let error as HTTPError {
            metrics.recordError(status: error.status.code)
            let message = error.status == .notFound
                ? "no such route: \(request.method) \(request.uri.path) (see `kioku serve --help`)"
                : error.body ?? error.status.reasonPhrase
            return try JSONBody.response(["error": message], status: error.status)
        } catch {
            metrics.recordError(status: 500)
            logger.error("\(request.method) \(request.uri.path) failed: \(error)")
            return try JSONBody.response(["error": "\(error)"], status: .internalServerError)
        }
    }
}
