import Foundation
import Hummingbird
import KiokuMemory
import KiokuTerms
import Logging
import NIOCore

/// The TM as an HTTP service: the tmserver/amaGama routes that Weblate, Virtaal and
/// Pootle speak, and a JSON API for lookups, concordance, checks, statistics and writes.
///
/// Reads are open; writes need the bearer token given at start. Binds loopback unless
/// told otherwise. Stops gracefully on SIGTERM or SIGINT: requests in flight finish, and
/// every write that was answered is committed.
public struct KiokuServer: Sendable {
    /// Where to serve and what.
    public struct Configuration: Sendable {
        public var memoryPath: String
        public var glossaryPaths: [String]
        public var host: String
        public var port: Int
        /// Writes need `Authorization: Bearer <token>`; nil refuses every write.
        public var token: String?
        /// What the tmserver routes answer for a language pair the TM lacks: `[]` (the default:
        /// a suggestion source with no suggestions, which Weblate's settings check — en→de,
        /// whatever the TM holds — and Virtaal accept) or a 404. Kioku's JSON API always says 404.
        public var unknownPairs: UnknownPairAnswer
        public var logLevel: Logger.Level
        /// How long a connection may send nothing — no request, or not the rest of a request's
        /// headers — before it is closed (nil: never). Slow or half-open clients otherwise hold
        /// a connection, and a file descriptor, for ever.
        public var idleTimeout: Duration?

        public init(memoryPath: String, glossaryPaths: [String] = [], host: String = "127.0.0.1", port: Int = 8080,
                    token: String? = nil, unknownPairs: UnknownPairAnswer = .empty, logLevel: Logger.Level = .info,
                    idleTimeout: Duration? = .seconds(60)) {
            self.memoryPath = memoryPath
            self.glossaryPaths = glossaryPaths
            self.host = host
            self.port = port
            self.token = token
            self.unknownPairs = unknownPairs
            self.logLevel = logLevel
            self.idleTimeout = idleTimeout
        }
    }

    public let configuration: Configuration
    /// Opens the TM when the server starts (by default the SQLite file at ``Configuration/memoryPath``).
    private let openMemory: @Sendable () throws(MemoryError) -> any MemoryStore

    public init(configuration: Configuration) {
        self.configuration = configuration
        openMemory = { () throws(MemoryError) in try TranslationMemory(path: configuration.memoryPath, create: false) }
    }

    /// A server over any store (a TM in PostgreSQL, say): `memory` opens it when the server
    /// starts; ``Configuration/memoryPath`` then only names it in the log.
    public init(configuration: Configuration, memory: @escaping @Sendable () throws(MemoryError) -> any MemoryStore) {
        self.configuration = configuration
        openMemory = memory
    }

    /// Serves until SIGTERM or SIGINT. `onListening` receives the bound port (useful with port 0).
    public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        var logger = Logger(label: "kioku.server")
        logger.logLevel = configuration.logLevel
        let memory = try openMemory()
        let glossary = configuration.glossaryPaths.isEmpty
            ? try GlossaryStore.load(from: memory)
            : try GlossaryFile.read(paths: configuration.glossaryPaths)
        let service = try TranslationService(memory: memory, glossary: glossary, token: configuration.token,
                                             unknownPairs: configuration.unknownPairs, logger: logger)
        let app = Application(
            router: service.router(),
            server: .http1(configuration: .init(idleTimeout: configuration.idleTimeout.map { TimeAmount($0) })),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Kioku"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        if memory.isReadOnly {
            logger.notice("\(configuration.memoryPath) is read-only here: lookups are served, writes are refused with 403")
        }
        if !["127.0.0.1", "::1", "localhost"].contains(configuration.host) {
            logger.warning("serving beyond this machine: lookups, concordance and stats are open to anyone who can reach \(configuration.host):\(configuration.port)",
                           metadata: ["writes": "\(configuration.token == nil ? "refused" : "need the token")"])
        }
        let indexer = Task { await service.keepIndexCurrent() }
        try await app.runService()
        indexer.cancel()
        await service.saveIndex()
        logger.info("stopped; every answered write is committed")
    }
}
