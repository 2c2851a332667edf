import Foundation
import Hummingbird
import KiokuFormats
import KiokuMatch
import KiokuMemory
import KiokuTerms
import KiokuText

/// Kioku's own JSON API, one route per CLI verb:
///
/// - `POST /api/lookup` `{"text","src","tgt","min"?,"max"?,"context"?}`: matches with score,
///   word diff and adapted target, and the glossary terms the text names.
/// - `GET  /api/concordance?text=…&lang=…&max=…`: segments containing a word or phrase.
/// - `POST /api/check` `{"units": [{"en": "…", "ru": "…"}], "src"?, "tgt"?}`: glossary findings.
/// - `POST /api/units` `{"units": [{"en": "…", "ru": "…"}], "source"?, "context"?}`: adds units
///   (needs the token); an existing source with a new target becomes the newest alternative,
///   which ranks first among equal matches.
/// - `GET  /api/stats`: what `kioku stats` shows.
extension TranslationService {
    func addAPIRoutes(to router: Router<BasicRequestContext>) {
        router.post("/api/lookup") { request, _ in try await self.lookup(request) }
        router.get("/api/concordance") { request, _ in try self.concordanceSearch(request) }
        router.post("/api/check") { request, _ in try await self.check(request) }
        router.post("/api/units") { request, _ in try await self.addUnits(request) }
        router.get("/api/stats") { _, _ in try JSONBody.response(try self.memory.statistics()) }
    }

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

    func lookup(_ request: Request) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let body = try await JSONBody.decode(LookupRequest.self, from: request,
                                             expected: #"{"text": "…", "src": "en", "tgt": "ru", "min"?: 70, "max"?: 5, "context"?: "…"}"#)
        let source = try language(body.src, "src"), target = try language(body.tgt, "tgt")
        let minimum = body.min ?? 70, maximum = body.max ?? 5
        guard (1...101).contains(minimum), (1...100).contains(maximum) else {
            throw RequestError(.badRequest, "min must be 1–101 and max 1–100")
        }
        guard !body.text.trimmingWhitespace().isEmpty else { throw RequestError(.badRequest, "text is empty") }
        let text = String(body.text.prefix(Self.longestQuery))
        guard languages.hasPair(source, target) else {
            let held = languages.primaryLanguages()
            throw RequestError(.notFound, "this TM has no \(source)–\(target) units; it holds \(held.isEmpty ? "no units" : held.joined(separator: ", ")) (GET /api/stats counts them)")
        }
        let matches = try matcher.lookup(text, from: source, to: target,
                                         options: LookupOptions(minimumScore: minimum, maximumResults: maximum,
                                                                context: body.context, parallel: false))
        let annotation = glossary.concepts.isEmpty ? nil
            : GlossaryAnnotation(glossary: glossary, query: text, targets: matches.map { $0.adaptedTarget ?? $0.target },
                                 source: source, target: target)
        metrics.recordLookup(since: start)
        let took = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        return try JSONBody.response(LookupAnswer(matches: matches, glossary: annotation, took_ms: took))
    }

    struct ConcordanceAnswer: Encodable {
        var hits: [ConcordanceHit]
    }

    func concordanceSearch(_ request: Request) throws -> Response {
        let parameters = request.uri.queryParameters
        guard let text = parameters.get("text"), !text.trimmingWhitespace().isEmpty else {
            throw RequestError(.badRequest, "give the word or phrase as ?text=…&lang=…")
        }
        let lang = try language(parameters.get("lang"), "lang")
        let limit = Int(parameters.get("max") ?? "") ?? 20
        guard (1...1000).contains(limit) else { throw RequestError(.badRequest, "max must be 1–1000") }
        return try JSONBody.response(ConcordanceAnswer(hits: try concordance.search(text, language: lang, limit: limit)))
    }

    struct UnitsRequest: Decodable {
        /// Each unit: language code → text, e.g. {"en": "Tokyo", "ru": "Токио"}.
        var units: [[String: String]]
        /// The source language of every unit (default: English when present, else the first).
        var source: String?
        var src: String?
        var tgt: String?
        var context: String?
    }

    static let unitsExpected = #"{"units": [{"en": "…", "ru": "…"}, …], "source"?: "en"}"#

    /// The posted units as translation units, or a 400 naming the first bad one.
    func translationUnits(_ body: UnitsRequest, dated: Bool) throws -> [TranslationUnit] {
        guard !body.units.isEmpty else { throw RequestError(.badRequest, "units is empty") }
        let declaredSource = try body.source.map { try language($0, "source") }
        let metadata = dated ? Self.newUnitMetadata() : Metadata()
        return try body.units.enumerated().map { index, fields in
            var variants: [Variant] = []
            for (code, text) in fields.sorted(by: { $0.key < $1.key }) {
                guard let tag = LanguageTag(code) else {
                    throw RequestError(.badRequest, "unit \(index + 1): \"\(code)\" is not a language code (e.g. en, ru, ja)")
                }
                if !text.trimmingWhitespace().isEmpty { variants.append(Variant(language: tag, text: text)) }
            }
            guard variants.count >= 2 else {
                throw RequestError(.badRequest, "unit \(index + 1) needs text in at least two languages; nothing was stored")
            }
            let source = declaredSource ?? variants.first { $0.language.language == "en" }?.language ?? variants[0].language
            var unit = TranslationUnit(variants: variants, sourceLanguage: source, metadata: metadata)
            if let context = body.context { unit.context = context }
            return unit
        }
    }

    func addUnits(_ request: Request) async throws -> Response {
        try authorizeWrite(request)
        let data = try await JSONBody.body(of: request)
        let report = try await add { [self] in
            try translationUnits(try JSONBody.decode(UnitsRequest.self, from: data, expected: Self.unitsExpected), dated: true)
        }
        return try JSONBody.response(report, status: .created)
    }

    func check(_ request: Request) async throws -> Response {
        let body = try await JSONBody.decode(UnitsRequest.self, from: request, expected: Self.unitsExpected)
        guard !glossary.concepts.isEmpty else {
            throw RequestError(.conflict, "this server has no glossary: start it with --glossary FILE or import one into the TM")
        }
        let checker = UnitChecker(glossary: glossary, source: try body.src.map { try language($0, "src") },
                                  target: try body.tgt.map { try language($0, "tgt") })
        for (index, unit) in try translationUnits(body, dated: false).enumerated() {
            checker.add(unit, location: "unit \(index + 1)")
        }
        return try JSONBody.response(checker.finish())
    }
}
