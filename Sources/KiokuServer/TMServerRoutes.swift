import Foundation
import Hummingbird
import KiokuFormats
import KiokuMatch
import KiokuText

/// The tmserver/amaGama API as Weblate's `tmserver` machinery, Virtaal's remote TM and
/// Pootle call it, under `/tmserver` and `/api/v1`:
///
/// - `GET  {prefix}/{src}/{tgt}/unit/{percent-encoded text}` or `…/unit/?source=TEXT`, with
///   `min_similarity` (default 70) and `max_candidates` (default 5): a JSON list of
///   `{"source","target","quality","context"}`, best first.
/// - `GET  {prefix}/languages/`: `{"sourceLanguages": […], "targetLanguages": […]}`.
/// - `PUT` or `POST {prefix}/{src}/{tgt}/unit/{text}` with `{"source","target","context"?}`
///   (Virtaal's add and update): stores the unit; needs the token.
extension TranslationService {
    static let defaultMinimumSimilarity = 70
    static let defaultMaximumCandidates = 5
    /// Longer texts are cut here (Weblate itself sends at most 500 characters).
    static let longestQuery = 2000

    func addTMServerRoutes(to router: Router<BasicRequestContext>) {
        for prefix in ["/tmserver", "/api/v1"] {
            // The router ignores a trailing slash and empty path components, so "languages/"
            // and Virtaal's "/api/v1//en/ru/unit/…" land here too.
            router.get("\(prefix)/languages") { _, _ in
                let codes = self.languages.allCodes()
                return try JSONBody.response(["sourceLanguages": codes, "targetLanguages": codes])
            }
            for path in ["\(prefix)/:src/:tgt/unit/**", "\(prefix)/:src/:tgt/unit"] {
                router.get(RouterPath(path)) { request, context in try self.tmserverLookup(request, context) }
                router.put(RouterPath(path)) { request, context in try await self.tmserverStore(request, context) }
                router.post(RouterPath(path)) { request, context in try await self.tmserverStore(request, context) }
            }
        }
    }

    /// The prefix the request came in under (`/tmserver` or `/api/v1`), so that what a message
    /// points to is a route of the same family.
    static func routeFamily(of request: Request) -> String {
        request.uri.path.hasPrefix("/tmserver") ? "/tmserver" : "/api/v1"
    }

    /// The text after `/unit/` in the raw path, percent-decoded, or `?source=`. Read on bytes:
    /// every lookup pays for it (Foundation's string functions took 5% of a loaded server).
    private func unitText(_ request: Request) throws -> String {
        var text: String
        if let decoded = try Self.decodedUnitText(request.uri.path) {
            text = decoded
        } else {
            text = (request.uri.queryParameters.get("source") ?? "").replacingOccurrences(of: "\r", with: " ")
        }
        if text.utf8.count > Self.longestQuery { text = String(text.prefix(Self.longestQuery)) }
        return text
    }

    /// The path after its first `/unit/`, percent-decoded, with `\r` read as a space (Weblate sends
    /// it as a space, Virtaal as is: white space either way); nil when there is none.
    static func decodedUnitText(_ path: String) throws -> String? {
        let marker = Array("/unit/".utf8)
        let bytes = Array(path.utf8)
        guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: marker) }).map({ $0 + marker.count }),
              start < bytes.count
        else { return nil }
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count - start)
        var index = start
        while index < bytes.count {
            var byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) else {
                    throw RequestError(.badRequest, "the text in the path is not valid percent-encoded UTF-8")
                }
                byte = high << 4 | low
                index += 2
            }
            decoded.append(byte == UInt8(ascii: "\r") ? UInt8(ascii: " ") : byte)
            index += 1
        }
        guard let text = String(validating: decoded, as: UTF8.self) else {
            throw RequestError(.badRequest, "the text in the path is not valid percent-encoded UTF-8")
        }
        return text
    }

    private func languagePair(_ context: BasicRequestContext) throws -> (LanguageTag, LanguageTag)? {
        let source = try language(context.parameters.get("src"), "the source language")
        let target = try language(context.parameters.get("tgt"), "the target language")
        // Clients send regional codes (ja_JP, pt_BR); the TM is searched by language, so a
        // TM holding `ja` answers `ja_JP`, and one holding `pt-BR` and `pt-PT` answers `pt`.
        return languages.hasPair(source, target) ? (source.primary, target.primary) : nil
    }

    func tmserverLookup(_ request: Request, _ context: BasicRequestContext) throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let text = try unitText(request)
        guard let (source, target) = try languagePair(context) else {
            if unknownPairs == .empty { return try JSONBody.response([TMServerMatch]()) }
            throw RequestError(.notFound, "this TM has no \(context.parameters.get("src") ?? "")–\(context.parameters.get("tgt") ?? "") units (GET \(Self.routeFamily(of: request))/languages/ lists its languages)")
        }
        guard !text.trimmingWhitespace().isEmpty else {
            throw RequestError(.badRequest, "no text to look up: use …/unit/TEXT (percent-encoded) or …/unit/?source=TEXT")
        }
        let parameters = request.uri.queryParameters
        let minimum = try integer(parameters.get("min_similarity"), "min_similarity", default: Self.defaultMinimumSimilarity, in: 0...100)
        let maximum = try integer(parameters.get("max_candidates"), "max_candidates", default: Self.defaultMaximumCandidates, in: 1...100)
        let matches = try matcher.lookup(text, from: source, to: target,
                                         options: LookupOptions(minimumScore: max(1, minimum), maximumResults: maximum, parallel: false, wordDiff: false))
        let body = matches.map {
            TMServerMatch(source: $0.source, target: $0.target, quality: Double(min($0.score, 100)),
                          context: $0.metadata.property(TranslationUnit.contextProperty) ?? "")
        }
        metrics.recordLookup(since: start)
        return Response(status: .ok, headers: [.contentType: JSONBody.contentType], body: .init(byteBuffer: TMServerMatch.jsonArray(body)))
    }

    private func integer(_ value: String?, _ name: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let value, !value.isEmpty else { return fallback }
        // "70.5" is taken as 70 (amaGama's clients send floats); a value beyond Int, "nan" or
        // "inf" is refused, not converted (the conversion would stop the server).
        guard let number = Int(value) ?? Double(value).flatMap({ Int(exactly: $0.rounded(.towardZero)) }), range.contains(number) else {
            throw RequestError(.badRequest, "\(name) must be a number from \(range.lowerBound) to \(range.upperBound), not \"\(value)\"")
        }
        return number
    }

    struct StoredUnitBody: Decodable {
        var source: String?
        var target: String
        var context: String?
    }

    func tmserverStore(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try authorizeWrite(request)
        // Stored with the codes as sent (pt_BR stays pt-BR), whether or not the TM has the pair yet.
        let source = try language(context.parameters.get("src"), "the source language")
        let target = try language(context.parameters.get("tgt"), "the target language")
        let body = try await JSONBody.decode(StoredUnitBody.self, from: request, expected: #"{"source": "…", "target": "…", "context"?: "…"}"#)
        let sourceText = try body.source ?? unitText(request)
        guard !sourceText.trimmingWhitespace().isEmpty, !body.target.trimmingWhitespace().isEmpty else {
            throw RequestError(.badRequest, "a unit needs a source and a target text")
        }
        var unit = TranslationUnit(variants: [Variant(language: source, text: sourceText), Variant(language: target, text: body.target)],
                                   sourceLanguage: source, metadata: Self.newUnitMetadata())
        unit.context = body.context
        let report = try await add { [unit] in [unit] }
        return try JSONBody.response(report, status: .created)
    }
}
