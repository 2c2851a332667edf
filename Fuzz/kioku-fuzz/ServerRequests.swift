import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import NIOEmbedded
import KiokuFormats
import KiokuMemory
import KiokuServer
import KiokuTerms
import Logging

/// The `server` fuzz target: each input is one HTTP request, written as on the wire —
/// `METHOD PATH` on the first line, `Name: value` header lines, a blank line, the body — handed
/// in process to the responder of every route of `kioku serve` over a small TM (as Hummingbird's
/// router test framework does, over an `EmbeddedChannel`, without its HTTP client). The server
/// must answer, never with a 500, and every error must be a JSON `{"error": …}` — or, from the
/// web page's routes, an HTML page saying what is wrong — without a path of the machine in it.
enum ServerRequests {
    /// The routes over a scratch copy of a tiny EN–RU TM, made once per process.
    static let responder: RouterResponder<BasicRequestContext> = {
        let folder = FuzzScratch.folder.appendingPathComponent("server")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let memory = try! TranslationMemory(path: folder.appendingPathComponent("fuzz.kioku").path)
        _ = try! memory.add([
            TranslationUnit(variants: [Variant(language: .english, text: "Moscow and Tokyo signed no treaty."),
                                       Variant(language: .russian, text: "Москва и Токио не подписали договор.")]),
            TranslationUnit(variants: [Variant(language: .english, text: "Putin met Abe in Vladivostok."),
                                       Variant(language: .russian, text: "Путин встретился с Абэ во Владивостоке.")]),
        ])
        let glossaryFile = folder.appendingPathComponent("names.tsv").path
        try! "id\ttype\ten\tru\tstatus\nputin\tperson\tPutin\tПутин\tpreferred\nabe\tperson\tAbe\tАбэ\tpreferred\n"
            .write(toFile: glossaryFile, atomically: true, encoding: .utf8)
        let glossary = try! GlossaryFile.read(path: glossaryFile)
        return try! KiokuServer.router(memory: memory, glossary: glossary, token: "secret", logger: logger).buildResponder()
    }()

    static let logger: Logger = {
        var logger = Logger(label: "kioku.fuzz")
        logger.logLevel = .critical
        return logger
    }()

    /// KIOKU_FUZZ_VERBOSE=1 prints each answer (for replaying seeds by hand).
    static let verbose = ProcessInfo.processInfo.environment["KIOKU_FUZZ_VERBOSE"] != nil

    /// Where the TM lives, and the prefix of a job's scratch folder: neither may reach a client
    /// (unless the client sent it: a 404 names the path it was asked for).
    static let serverPaths = [FuzzScratch.folder.path, "kioku-job-"]

    static func run(_ data: Data) {
        guard let request = parse(data) else { return }
        let done = DispatchSemaphore(value: 0)
        let box = UncheckedResult()
        Task {
            box.value = await respond(request)
            done.signal()
        }
        done.wait()
        guard let (status, type, body) = box.value else { return }
        if verbose { print("\(request.method) \(request.uri) → \(status) \(String(decoding: body.prefix(120), as: UTF8.self))") }
        check(status: status, type: type, body: body, request: request)
    }

    static func check(status: Int, type: String, body: [UInt8], request: Request) {
        if status >= 500 { fatalError("\(request.method) \(request.uri) answered \(status): \(String(decoding: body, as: UTF8.self))") }
        guard status >= 400 else { return }
        if type.hasPrefix("text/html") {
            // a page of the web site: it must say what is wrong, in the page's frame
            guard String(decoding: body, as: UTF8.self).contains(#"<p class="error" role="alert">"#) else {
                fatalError("\(request.method) \(request.uri) answered \(status) with a page that does not say why: \(String(decoding: body, as: UTF8.self))")
            }
        } else {
            guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any], object["error"] is String else {
                fatalError("\(request.method) \(request.uri) answered \(status) without a JSON error: \(String(decoding: body, as: UTF8.self))")
            }
        }
        let text = String(decoding: body, as: UTF8.self)
        if serverPaths.contains(where: { text.contains($0) && !request.uri.contains($0) && !String(decoding: request.body, as: UTF8.self).contains($0) }) {
            fatalError("\(request.method) \(request.uri): an error shows a server path: \(text)")
        }
    }

    /// The answer of the routes to `request`: its status, content type and body. A thrown error
    /// is what the server's error middleware would have let through: a 500.
    static func respond(_ request: Request) async -> (Int, String, [UInt8]) {
        var headers = request.headers
        headers[.contentLength] = String(request.body.count)
        let head = HTTPRequest(method: request.method, scheme: "http", authority: "localhost", path: request.uri, headerFields: headers)
        // A channel of its own per request, finished after it. The task resumes on whichever
        // thread is free after each `await`: the asynchronous test channel may be used from
        // any of them (an EmbeddedChannel only from the thread that made it).
        let channel = NIOAsyncTestingChannel()
        let context = BasicRequestContext(source: ApplicationRequestContextSource(channel: channel, logger: logger))
        let answer: (Int, String, [UInt8])
        do {
            let response = try await responder.respond(to: Hummingbird.Request(head: head, body: RequestBody(buffer: ByteBuffer(bytes: request.body))),
                                                       context: context)
            let writer = BodyCollector()
            try await response.body.write(writer)
            answer = (response.status.code, response.headers[.contentType] ?? "", writer.bytes.value)
        } catch {
            answer = (500, "", Array("\(error)".utf8))
        }
        _ = try? await channel.finish()
        return answer
    }

    /// Collects a response body.
    struct BodyCollector: ResponseBodyWriter {
        final class Bytes: @unchecked Sendable { var value: [UInt8] = [] }
        let bytes = Bytes()
        mutating func write(_ buffer: ByteBuffer) async throws { bytes.value += buffer.readableBytesView }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    struct Request {
        var method: HTTPRequest.Method
        var uri: String
        var headers: HTTPFields
        var body: [UInt8]
    }

    /// `METHOD PATH\nName: value\n…\n\nBODY`; nil when the first line is not a request line.
    static func parse(_ data: Data) -> Request? {
        let bytes = Array(data)
        let headEnd = bytes.firstRange(of: [0x0A, 0x0A]) ?? bytes.endIndex..<bytes.endIndex
        let head = String(decoding: bytes[..<headEnd.lowerBound], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let line = head.first else { return nil }
        let parts = line.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, let method = HTTPRequest.Method(String(parts[0])), parts[1].hasPrefix("/") else { return nil }
        var headers = HTTPFields()
        for field in head.dropFirst() {
            guard let colon = field.firstIndex(of: ":"), let name = HTTPField.Name(String(field[..<colon])) else { continue }
            headers.append(HTTPField(name: name, value: String(field[field.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
        }
        return Request(method: method, uri: String(parts[1]), headers: headers, body: Array(bytes[headEnd.upperBound...]))
    }

    /// What a task hands back to the waiting fuzzer thread.
    final class UncheckedResult: @unchecked Sendable {
        var value: (Int, String, [UInt8])?
    }
}
