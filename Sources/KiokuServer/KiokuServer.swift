import Foundation
import Hummingbird
import KiokuFormats
import KiokuMatch
import KiokuMemory
import KiokuTerms
import KiokuText
import Logging

/// The TM as an HTTP service: the tmserver/amaGama routes that Weblate, Virtaal and
/// Pootle speak, and a JSON API for lookups, statistics and adding units.
///
/// Reads are open; writes need the bearer token given at start. Binds loopback unless
/// told otherwise.
public struct KiokuServer: Sendable {
    public struct Configuration: Sendable {
        public var memoryPath: String
        public var glossaryPaths: [String]
        public var host: String
        public var port: Int
        /// Writes need `Authorization: Bearer <token>`; nil refuses every write.
        public var token: String?

        public init(memoryPath: String, glossaryPaths: [String] = [], host: String = "127.0.0.1", port: Int = 8080, token: String? = nil) {
            self.memoryPath = memoryPath
            self.glossaryPaths = glossaryPaths
            self.host = host
            self.port = port
            self.token = token
        }
    }

    public let configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Serves until SIGTERM or SIGINT. `onListening` receives the bound port (useful with port 0).
    public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let memory = try TranslationMemory(path: configuration.memoryPath, create: false)
        let glossary = configuration.glossaryPaths.isEmpty
            ? try GlossaryStore.load(from: memory)
            : Glossary.merged(try configuration.glossaryPaths.map { try GlossaryFile.read(path: $0) })
        let service = try TranslationService(memory: memory, glossary: glossary, token: configuration.token)
        var logger = Logger(label: "kioku.server")
        logger.logLevel = .info
        let app = Application(
            router: service.router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Kioku"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        try await app.runService()
    }
}
