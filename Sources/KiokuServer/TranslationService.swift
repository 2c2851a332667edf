import Foundation
import Hummingbird
import KiokuFormats
import KiokuMatch
import KiokuMemory
import KiokuTerms
import KiokuText
import KiokuWeb
import Logging

/// What the routes share: the TM, its matcher and concordance, the glossary, the write
/// queue and the counters. Lookups run on the request's task; writes go through `writes`.
final class TranslationService: Sendable {
    let memory: any MemoryStore
    let matcher: Matcher
    let concordance: Concordance
    let glossary: Glossary
    let token: String?
    let unknownPairs: UnknownPairAnswer
    let metrics = ServerMetrics()
    let languages: LanguageCache
    let writes = WriteQueue()
    let logger: Logger
    /// The curators' web page at `/`.
    let webSite: WebSite

    init(memory: any MemoryStore, glossary: Glossary, token: String?, unknownPairs: UnknownPairAnswer, logger: Logger) throws(MemoryError) {
        self.memory = memory
        // Lookups search the published index; this service updates it after each write and
        // every quarter second (`keepIndexCurrent`), so no reader does a writer's work.
        self.matcher = Matcher(index: try FuzzyIndex(memory: memory, lookupsUpdate: false, parallelUpdates: false))
        self.concordance = Concordance(index: matcher.index)
        self.glossary = glossary
        self.token = token
        self.unknownPairs = unknownPairs
        self.logger = logger
        self.languages = try LanguageCache(memory: memory)
        self.webSite = WebSite(matcher: matcher, concordance: concordance, glossary: glossary)
        // Index what a plain import left unindexed and load every language now, so the
        // first client does not wait for either. A long wait is said before it starts.
        let behind = try matcher.index.unitsBehind()
        if behind >= FuzzyIndex.noticeableBacklog { logger.info("indexing \(behind) units for fuzzy lookups before serving (about 10 s a million)") }
        let report = try matcher.index.update()
        if report.documentsAdded > 0 { logger.info("indexed \(report.documentsAdded) segments added since the last lookup") }
        try matcher.index.load()
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: JSONErrorMiddleware(metrics: metrics, logger: logger))
        router.add(middleware: LogRequestsMiddleware(.debug))
        router.get("/health") { _, _ in
            try JSONBody.response(Health(status: "ok", units: try self.memory.unitCount()))
        }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                     body: .init(byteBuffer: ByteBuffer(string: self.metrics.prometheus(unitsInMemory: try self.memory.unitCount()))))
        }
        addTMServerRoutes(to: router)
        addAPIRoutes(to: router)
        addUnitRoutes(to: router)
        addWebRoutes(to: router, site: webSite)
        addJobRoutes(to: router)
        return router
    }

    struct Health: Encodable {
        var status: String
        var units: Int
    }

    /// Refuses a write unless it carries the token given at start.
    func authorizeWrite(_ request: Request) throws {
        guard let token else {
            throw RequestError(.forbidden, "this server was started without --token (or KIOKU_TOKEN): it takes no writes")
        }
        let sent = request.headers[.authorization] ?? ""
        guard constantTimeEqual(Array(sent.utf8), Array("Bearer \(token)".utf8)) else {
            throw RequestError(.unauthorized, "writes need the header Authorization: Bearer <the token given to kioku serve>")
        }
    }

    /// Adds units on the write queue, then indexes them before answering: a client that
    /// has its answer finds the units in the very next lookup, and they are on disk.
    /// `makeUnits` (decoding the request) runs on the write queue too, off the lookups' threads.
    func add(_ makeUnits: @escaping @Sendable () throws -> [TranslationUnit]) async throws -> ImportReport {
        let (units, report) = try await writes.run { [self] in
            let units = try makeUnits()
            let report = try memory.add(units, origin: "http")
            try matcher.index.update(persist: false)  // saved by keepIndexCurrent, not per batch
            return (units, report)
        }
        languages.record(units)
        metrics.recordWrite(units: report.added)
        logger.info("units added through the API", metadata: [
            "added": "\(report.added)", "duplicates": "\(report.duplicates)", "units_in_tm": "\(report.unitsInMemory)",
        ])
        return report
    }

    /// Indexes what other programs add to the TM file (a `kioku import` while serving) every
    /// quarter second, and saves the index data writes left in memory every ten seconds; on
    /// the write queue. Costs two small queries when nothing changed.
    func keepIndexCurrent() async {
        var tick = 0
        var failingSince: ContinuousClock.Instant?
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 250_000_000)
            tick += 1
            let persist = tick % 40 == 0
            do {
                let report = try await writes.run { [self] in try matcher.index.update(persist: persist) }
                if let since = failingSince {
                    logger.notice("the TM can be reached again; the index is up to date", metadata: ["after": "\(ContinuousClock.now - since)"])
                    failingSince = nil
                }
                if report.documentsAdded > 0 {
                    try languages.reload(from: memory)
                    logger.info("indexed segments another program added to the TM", metadata: ["segments": "\(report.documentsAdded)"])
                }
            } catch {
                // Once per outage, not four times a second: a shared database may be down for a while.
                if failingSince == nil {
                    logger.error("could not bring the index up to date (retrying every 250 ms until it works): \(error)")
                    failingSince = .now
                }
            }
        }
    }

    /// Saves what the index holds only in memory (at shutdown).
    func saveIndex() async {
        do {
            try await writes.run { [self] in try matcher.index.persist() }
        } catch {
            logger.error("could not save the index (the next start rebuilds what is missing): \(error)")
        }
    }

    /// A language code from a request, or a 400 naming the parameter.
    func language(_ code: String?, _ name: String) throws -> LanguageTag {
        guard let code, !code.isEmpty else { throw RequestError(.badRequest, "\(name) is missing: give a language code such as en, ru, ja or pt_BR") }
        guard let tag = LanguageTag(code) else { throw RequestError(.badRequest, "\(name) \"\(code)\" is not a language code (e.g. en, ru, ja, pt_BR, pt-br)") }
        return tag
    }

    /// What units added through the server record: created now (TMX date form), by "http".
    static func newUnitMetadata() -> Metadata {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withYear, .withMonth, .withDay, .withTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let now = formatter.string(from: Date()).replacingOccurrences(of: ":", with: "") + "Z"
        return Metadata(creationDate: now, creationUser: "http")
    }
}

/// Compares secrets without leaking, through timing, how much of a guess was right.
func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    var difference = UInt8(a.count == b.count ? 0 : 1)
    for index in 0..<max(a.count, b.count) {
        difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
    }
    return difference == 0
}
