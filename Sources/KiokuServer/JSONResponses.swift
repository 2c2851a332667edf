import Foundation
import Hummingbird
import KiokuMemory
import Logging

/// A request the server refuses or could not serve, answered as `{"error": "…"}`.
struct RequestError: HTTPResponseError, CustomStringConvertible {
    let status: HTTPResponse.Status
    let message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    var description: String { "\(status.code) \(message)" }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSONBody.response(["error": message], status: status)
    }
}

extension RequestError {
    /// What a client is told when the TM fails: the status that says whose move it is, and
    /// a message without paths (those go to the server's log).
    init(_ error: MemoryError) {
        switch error {
        case .busy:
            self.init(.serviceUnavailable, "the TM is busy with another program's write; nothing of this request was stored, retry in a moment")
        case .diskFull:
            self.init(.init(code: 507, reasonPhrase: "Insufficient Storage"), "the TM's disk is full; nothing of this request was stored")
        case .writeFailed, .readOnly:
            self.init(.internalServerError, "the TM could not be written; nothing of this request was stored, and the server's log says why")
        case .damaged, .damagedIndex:
            self.init(.internalServerError, "the TM is damaged; the server's log says where, and an administrator must rebuild it")
        case .format(let format):
            self.init(.badRequest, format.description)
        case .missing, .notAMemory, .cannotOpen, .readFailed:
            self.init(.internalServerError, "the TM could not be read; the server's log says why")
        }
    }
}

/// Encodes and decodes the JSON bodies of the API.
enum JSONBody {
    /// The largest request body read (a batch of a few thousand units fits).
    static let maximumRequestBytes = 8 << 20

    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    /// The request body decoded as `T`, or a 400/413 that says what was expected.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, expected: String) async throws -> T {
        try decode(T.self, from: try await body(of: request), expected: expected)
    }

    /// The request body's bytes, or a 413 when there are too many.
    static func body(of request: Request) async throws -> Data {
        do {
            return Data(try await request.body.collect(upTo: maximumRequestBytes).readableBytesView)
        } catch {
            throw RequestError(.contentTooLarge, "the body is larger than \(maximumRequestBytes >> 20) MB; send the units in smaller batches")
        }
    }

    /// `data` decoded as `T`, or a 400 that says what was expected.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, expected: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw RequestError(.badRequest, "the body is not valid JSON for this request (\(error.shortDescription)); expected \(expected)")
        }
    }
}

extension DecodingError {
    /// What went wrong, and where, in a line.
    var shortDescription: String {
        func path(_ context: Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "" : " at \(keys)"
        }
        switch self {
        case .dataCorrupted(let context): return "malformed JSON" + path(context)
        case .keyNotFound(let key, let context): return "\"\(key.stringValue)\" is missing" + path(context)
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "wrong type" + path(context)
        @unknown default: return "not decodable"
        }
    }
}

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
