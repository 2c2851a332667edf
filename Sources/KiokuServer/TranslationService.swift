import Foundation
import Hummingbird
import KiokuFormats
import KiokuMatch
import KiokuMemory
import KiokuTerms
import KiokuText

/// The routes and what they do: tmserver/amaGama lookups, the JSON API, health and metrics.
final class TranslationService: Sendable {
    let memory: TranslationMemory
    let matcher: Matcher
    let glossary: Glossary
    let token: String?
    let metrics = ServerMetrics()
    private let languageCache = LanguageCache()

    init(memory: TranslationMemory, glossary: Glossary, token: String?) throws(MemoryError) {
        self.memory = memory
        self.matcher = try Matcher(memory: memory)
        self.glossary = glossary
        self.token = token
        _ = try matcher.index.update()
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/health") { _, _ in try self.json(["status": "ok", "units": try self.memory.unitCount()] as [String: any Sendable]) }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                     body: .init(byteBuffer: ByteBuffer(string: self.metrics.prometheus())))
        }
        for prefix in ["/tmserver", "/api/v1"] {
            // (the router ignores a trailing slash: "languages/" and "unit/?source=" land here too)
            router.get("\(prefix)/languages") { _, _ in try self.languages() }
            router.get("\(prefix)/:src/:tgt/unit/**") { request, context in try self.tmserverUnit(request, context) }
            router.get("\(prefix)/:src/:tgt/unit") { request, context in try self.tmserverUnit(request, context) }
        }
        router.post("/api/lookup") { request, context in try await self.lookup(request, context) }
        router.get("/api/stats") { _, _ in try self.encode(try self.memory.statistics()) }
        router.post("/api/units") { request, context in try await self.addUnits(request, context) }
        return router
    }

    // MARK: tmserver / amaGama

    /// `GET /tmserver/{src}/{tgt}/unit/{text}` (or `…/unit/?source=`): a JSON list of
    /// `{source, target, quality, context}`, best first, as the tmserver clients read it.
    func tmserverUnit(_ request: Request, _ context: BasicRequestContext) throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        guard let source = LanguageTag(context.parameters.get("src") ?? ""), let target = LanguageTag(context.parameters.get("tgt") ?? "") else {
            return try error(.badRequest, "the language codes are not valid (use e.g. en, ru, pt_BR or pt-br)")
        }
        guard try languageCache.pairExists(source, target, in: memory) else {
            return try error(.notFound, "this TM has no \(source.identifier)–\(target.identifier) pair")
        }
        // Clients send regional codes (ja_JP, pt_BR); a TM with only `ja` answers them from `ja`.
        let (searchSource, searchTarget) = try languageCache.exactPairExists(source, target, in: memory)
            ? (source, target) : (source.primary, target.primary)
        let raw = request.uri.path.components(separatedBy: "/unit/").dropFirst().joined(separator: "/unit/")
        var text = raw.isEmpty ? (request.uri.queryParameters.get("source") ?? "") : (raw.removingPercentEncoding ?? "\u{FFFD}")
        if text.contains("\u{FFFD}") && !raw.isEmpty {
            return try error(.badRequest, "the text in the path is not valid percent-encoded UTF-8")
        }
        text = String(text.replacingOccurrences(of: "\r", with: " ").prefix(2000))
        guard !text.trimmingWhitespace().isEmpty else { return try error(.badRequest, "no text to look up (…/unit/TEXT or ?source=TEXT)") }
        let minimum = Int(request.uri.queryParameters.get("min_similarity") ?? "") ?? 75
        let maximum = Int(request.uri.queryParameters.get("max_candidates") ?? "") ?? 5
        guard (0...100).contains(minimum), (1...100).contains(maximum) else {
            return try error(.badRequest, "min_similarity must be 0–100 and max_candidates 1–100")
        }
        let matches = try matcher.lookup(text, from: searchSource, to: searchTarget,
                                         options: LookupOptions(minimumScore: max(1, minimum), maximumResults: maximum, parallel: false))
        var contexts: [Int64: String] = [:]
        for match in matches { contexts[match.unitID] = match.metadata.property(TranslationUnit.contextProperty) ?? "" }
        let body = matches.map { TMServerMatch(source: $0.source, target: $0.target, quality: Double(min($0.score, 100)), context: contexts[$0.unitID] ?? "") }
        metrics.recordLookup(nanoseconds: DispatchTime.now().uptimeNanoseconds - start)
        return try encode(body)
    }

    func languages() throws -> Response {
        let (sources, targets) = try languageCache.languages(in: memory)
        return try encode(["sourceLanguages": sources, "targetLanguages": targets])
    }

    // MARK: JSON API

    struct LookupRequest: Decodable {
        var text: String
        var src: String
        var tgt: String
        var min: Int?
        var max: Int?
        var context: String?
    }

    struct LookupAnswer: Encodable {
        var matches: [FuzzyMatch]
        var glossary: GlossaryAnnotation?
        var took_ms: Double
    }

    func lookup(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        guard let body: LookupRequest = try await decode(request) else { return try error(.badRequest, "the body is not a lookup request: {\"text\", \"src\", \"tgt\", \"min\"?, \"max\"?, \"context\"?}") }
        guard let source = LanguageTag(body.src), let target = LanguageTag(body.tgt) else { return try error(.badRequest, "src and tgt must be language codes") }
        let matches = try matcher.lookup(body.text, from: source, to: target,
                                         options: LookupOptions(minimumScore: body.min ?? 70, maximumResults: body.max ?? 5,
                                                                context: body.context, parallel: false))
        let annotation = glossary.concepts.isEmpty ? nil
            : GlossaryAnnotation(glossary: glossary, query: body.text, targets: matches.map { $0.adaptedTarget ?? $0.target },
                                 source: source, target: target)
        let took = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        metrics.recordLookup(nanoseconds: DispatchTime.now().uptimeNanoseconds - start)
        return try encode(LookupAnswer(matches: matches, glossary: annotation, took_ms: took))
    }

    struct UnitsRequest: Decodable {
        /// Each unit: language code → text, e.g. {"en": "Tokyo", "ru": "Токио"}.
        var units: [[String: String]]
        var source: String?
    }

    func addUnits(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        guard let token else { return try error(.forbidden, "this server was started without --token: it takes no writes") }
        guard request.headers[.authorization] == "Bearer \(token)" else { return try error(.unauthorized, "writes need Authorization: Bearer <token>") }
        guard let body: UnitsRequest = try await decode(request) else {
            return try error(.badRequest, "the body must be {\"units\": [{\"en\": \"…\", \"ru\": \"…\"}, …], \"source\"?: \"en\"}")
        }
        var units: [TranslationUnit] = []
        for (index, fields) in body.units.enumerated() {
            var variants: [Variant] = []
            for (code, text) in fields.sorted(by: { $0.key < $1.key }) {
                guard let language = LanguageTag(code) else { return try error(.badRequest, "unit \(index + 1): \"\(code)\" is not a language code") }
                if !text.trimmingWhitespace().isEmpty { variants.append(Variant(language: language, text: text)) }
            }
            guard variants.count >= 2 else { return try error(.badRequest, "unit \(index + 1) needs at least two languages with text") }
            let source = body.source.flatMap(LanguageTag.init) ?? variants.first { $0.language.language == "en" }?.language ?? variants[0].language
            units.append(TranslationUnit(variants: variants, sourceLanguage: source))
        }
        let report = try memory.add(units, origin: "http")
        languageCache.invalidate()
        return try encode(report, status: .created)
    }

    // MARK: Plumbing

    static let maximumBody = 1 << 20

    private func decode<T: Decodable>(_ request: Request) async throws -> T? {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: Self.maximumBody)
        } catch {
            throw HTTPError(.contentTooLarge, message: "the body is larger than 1 MB")
        }
        return try? JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    }

    func encode<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    func json(_ value: [String: any Sendable]) throws -> Response {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func error(_ status: HTTPResponse.Status, _ message: String) throws -> Response {
        metrics.recordError()
        return try encode(["error": message], status: status)
    }
}

/// One tmserver match, in the shape Weblate's and Virtaal's clients read.
struct TMServerMatch: Encodable {
    var source: String
    var target: String
    var quality: Double
    var context: String
}

/// The TM's languages and pairs, read once and again after a write through the API.
final class LanguageCache: @unchecked Sendable {
    private let lock = NSLock()
    private var pairs: Set<String>?
    private var lists: ([String], [String])?

    func invalidate() {
        lock.lock()
        pairs = nil
        lists = nil
        lock.unlock()
    }

    private func load(_ memory: TranslationMemory) throws -> (Set<String>, ([String], [String])) {
        lock.lock()
        defer { lock.unlock() }
        if let pairs, let lists { return (pairs, lists) }
        let stats = try memory.statistics()
        var found = Set<String>()
        for pair in stats.pairs where pair.languages.count == 2 {
            guard let a = LanguageTag(pair.languages[0]), let b = LanguageTag(pair.languages[1]) else { continue }
            for (x, y) in [(a, b), (b, a)] {
                found.insert(x.identifier.lowercased() + "|" + y.identifier.lowercased())
                found.insert(x.language + "|" + y.language)
            }
        }
        let languages = Array(Set(stats.languages.map(\.language))).sorted()
        pairs = found
        lists = (languages, languages)
        return (found, (languages, languages))
    }

    func pairExists(_ source: LanguageTag, _ target: LanguageTag, in memory: TranslationMemory) throws -> Bool {
        let (pairs, _) = try load(memory)
        return pairs.contains(source.identifier.lowercased() + "|" + target.identifier.lowercased())
            || (pairs.contains(source.language + "|" + target.language) && (!source.identifier.contains("-") || !target.identifier.contains("-")))
    }

    func exactPairExists(_ source: LanguageTag, _ target: LanguageTag, in memory: TranslationMemory) throws -> Bool {
        try load(memory).0.contains(source.identifier.lowercased() + "|" + target.identifier.lowercased())
    }

    func languages(in memory: TranslationMemory) throws -> ([String], [String]) {
        try load(memory).1
    }
}

/// Counters for `/metrics` (Prometheus text format).
final class ServerMetrics: @unchecked Sendable {
    private let lock = NSLock()
    private var lookups = 0
    private var lookupNanoseconds: UInt64 = 0
    private var errors = 0

    func recordLookup(nanoseconds: UInt64) {
        lock.lock()
        lookups += 1
        lookupNanoseconds += nanoseconds
        lock.unlock()
    }

    func recordError() {
        lock.lock()
        errors += 1
        lock.unlock()
    }

    func prometheus() -> String {
        lock.lock()
        defer { lock.unlock() }
        return """
            # HELP kioku_lookups_total Lookups answered.
            # TYPE kioku_lookups_total counter
            kioku_lookups_total \(lookups)
            # HELP kioku_lookup_seconds_total Time spent answering lookups.
            # TYPE kioku_lookup_seconds_total counter
            kioku_lookup_seconds_total \(Double(lookupNanoseconds) / 1e9)
            # HELP kioku_errors_total Requests answered with an error.
            # TYPE kioku_errors_total counter
            kioku_errors_total \(errors)

            """
    }
}
