import Foundation
import Hummingbird

/// Encodes and decodes the JSON bodies of the API.
enum JSONBody {
    /// The largest request body read (a batch of a few thousand units fits).
    static let maximumRequestBytes = 8 << 20
    static let contentType = "application/json; charset=utf-8"

    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(status: status, headers: [.contentType: contentType],
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
