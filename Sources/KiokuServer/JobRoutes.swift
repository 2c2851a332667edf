import Foundation
import HTTPTypes
import Hummingbird
import KiokuFormats
import KiokuJobs
import KiokuText

/// Analysis and pre-translation over HTTP, so a pipeline can use one running Kioku. The body is
/// the job file itself (XLIFF 1.2/2.0 or PO, up to 64 MB); options are query parameters:
///
/// - `POST /api/analyze?format=xliff|po&src=&tgt=&bands=100,95,85,75,50&name=`: the analysis as
///   `kioku analyze --json` prints it.
/// - `POST /api/pretranslate?format=…&src=&tgt=&fill=100&min=70&max=3&overwrite=false&name=`:
///   the pre-translated file, with what was done as JSON in the `Kioku-Report` header.
///
/// `format` defaults to XLIFF when the body starts with `<` (after a BOM and white space), else
/// PO. `name` is what error messages call the file (default `body.xlf` or `body.po`).
extension TranslationService {
    func addJobRoutes(to router: Router<BasicRequestContext>) {
        router.post("/api/analyze") { request, _ in try await self.analyze(request) }
        router.post("/api/pretranslate") { request, _ in try await self.pretranslate(request) }
    }

    static let maximumJobBytes = 64 << 20

    /// The request's job file, read from a scratch folder that is removed afterwards.
    private func withJob<T: Sendable>(_ request: Request, _ body: @escaping @Sendable (JobDocument, String) throws -> T) async throws -> T {
        let data: Data
        do {
            data = Data(try await request.body.collect(upTo: Self.maximumJobBytes).readableBytesView)
        } catch {
            throw RequestError(.contentTooLarge, "the job file is larger than \(Self.maximumJobBytes >> 20) MB; split it")
        }
        guard !data.isEmpty else { throw RequestError(.badRequest, "the body is empty: send the XLIFF or PO file as the body") }
        let parameters = request.uri.queryParameters
        let format: String
        switch parameters.get("format") {
        case "xliff"?, "xlf"?: format = "xlf"
        case "po"?: format = "po"
        case nil: format = Self.looksLikeXML(data) ? "xlf" : "po"
        case let other?: throw RequestError(.badRequest, "format \"\(other)\" is not xliff or po")
        }
        let name = parameters.get("name").map { $0.isEmpty ? "body.\(format)" : $0 } ?? "body.\(format)"
        let source = try parameters.get("src").map { try language($0, "src") }
        let target = try parameters.get("tgt").map { try language($0, "tgt") }
        return try await Self.offThread { () throws -> T in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kioku-job-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("job.\(format)").path
            try data.write(to: URL(fileURLWithPath: path))
            do {
                return try body(try JobDocument.read(path: path, sourceLanguage: source, targetLanguage: target), path)
            } catch let error as FormatError {
                throw RequestError(.badRequest, error.description.replacing(path, with: name))
            } catch let error as JobError {
                let message = error.description.replacing(path, with: name)
                switch error {
                case .languageNotInMemory: throw RequestError(.notFound, message)
                case .unknownLanguage(_, .source): throw RequestError(.badRequest, message + "; pass ?src=")
                case .unknownLanguage(_, .target): throw RequestError(.badRequest, message + "; pass ?tgt=")
                case .invalidBands: throw RequestError(.badRequest, message)
                }
            }
        }
    }

    static func looksLikeXML(_ data: Data) -> Bool {
        let bytes = data.prefix(512).drop { [0xEF, 0xBB, 0xBF, 0xFE, 0xFF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return bytes.first == UInt8(ascii: "<") || (bytes.count > 1 && bytes[bytes.startIndex + 1] == UInt8(ascii: "<"))
    }

    /// Runs CPU-heavy work (both cores) off the server's event loops.
    static func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let pending = PendingWork(work)
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                // The work (and the job file it holds) is released before the answer goes out,
                // not whenever the dispatch block is torn down after it.
                continuation.resume(with: pending.run())
            }
        }
    }

    /// Work handed to another thread, dropped as soon as it has run.
    private final class PendingWork<T: Sendable>: @unchecked Sendable {
        private var work: (@Sendable () throws -> T)?

        init(_ work: @escaping @Sendable () throws -> T) { self.work = work }

        func run() -> Result<T, any Error> {
            guard let work else { return .failure(CancellationError()) }
            self.work = nil
            return Result { try work() }
        }
    }

    func analyze(_ request: Request) async throws -> Response {
        let parameters = request.uri.queryParameters
        let bands: MatchBands
        do {
            bands = try parameters.get("bands").map { list throws(JobError) in try MatchBands(parsing: list) } ?? .standard
        } catch {
            throw RequestError(.badRequest, "\(error); give ?bands= as lower bounds, for example ?bands=100,95,85,75,50")
        }
        let name = parameters.get("name")
        let matcher = self.matcher
        var analysis = try await withJob(request) { document, _ in
            try JobAnalyzer(matcher: matcher, bands: bands).analyze([document])
        }
        for index in analysis.files.indices { analysis.files[index].path = name ?? "body" }
        return try JSONBody.response(analysis)
    }

    func pretranslate(_ request: Request) async throws -> Response {
        let parameters = request.uri.queryParameters
        func number(_ key: String, _ fallback: Int, _ range: ClosedRange<Int>) throws -> Int {
            guard let text = parameters.get(key) else { return fallback }
            guard let value = Int(text), range.contains(value) else {
                throw RequestError(.badRequest, "\(key) must be a whole number in \(range.lowerBound)–\(range.upperBound)")
            }
            return value
        }
        let options = PretranslateOptions(fill: try number("fill", 100, 1...101), minimum: try number("min", 70, 1...100),
                                          maximumCandidates: try number("max", 3, 1...20),
                                          overwrite: ["true", "1", "yes"].contains(parameters.get("overwrite") ?? ""),
                                          glossary: glossary.concepts.isEmpty ? nil : glossary)
        let matcher = self.matcher
        let (text, format, report) = try await withJob(request) { document, _ in
            let (fills, report) = try Pretranslator(matcher: matcher, options: options).fills(for: document)
            return (document.patched(fills: fills), document.format, report)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let type = format == .po ? "text/x-gettext-translation; charset=utf-8" : "application/xliff+xml; charset=utf-8"
        return Response(status: .ok, headers: [.contentType: type, HTTPField.Name("Kioku-Report")!: String(decoding: try encoder.encode(report), as: UTF8.self)],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
