import ArgumentParser
import Foundation
import KiokuMemory
import KiokuServer
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a TM over HTTP: tmserver/amaGama routes for Weblate and Virtaal, and a JSON API.",
        discussion: """
            tmserver / amaGama (also under /api/v1):
              GET  /tmserver/{src}/{tgt}/unit/{text}  ?min_similarity=70&max_candidates=5
              GET  /tmserver/{src}/{tgt}/unit/?source=TEXT
              GET  /tmserver/languages/
              PUT  /tmserver/{src}/{tgt}/unit/{text}  {"target": "…"}  (token)

            JSON API:
              POST /api/lookup       {"text", "src", "tgt", "min"?, "max"?}
              GET  /api/concordance  ?text=…&lang=…&max=20
              POST /api/check        {"units": [{"en": "…", "ru": "…"}]}
              POST /api/units        the same body (token)
              GET  /api/units/{id}   the unit and its history
              PATCH /api/units/{id}  {"lang": "ru", "text": "…", "user"?} (token)
              DELETE /api/units/{id} (token)
              GET  /api/stats, /health, /metrics

            Writes need --token (or KIOKU_TOKEN), sent as "Authorization: Bearer …". Binds 127.0.0.1 \
            unless --host says otherwise; reads are open to whoever can reach the port. SIGTERM or \
            Ctrl-C stops it gracefully.
            """
    )

    @OptionGroup var memory: MemoryOption

    @Option(name: .customLong("glossary"), help: ArgumentHelp("Glossaries for lookup annotations and checks (default: the TM's).", valueName: "file"))
    var glossaries: [String] = []

    @Option(help: ArgumentHelp("The address to bind.", valueName: "host"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port (0: any free port, printed at start).", valueName: "port"))
    var port = 8080

    @Option(help: ArgumentHelp("The bearer token that writes need (or set KIOKU_TOKEN).", valueName: "token"))
    var token: String?

    @Flag(help: "On the tmserver routes, answer 404 instead of [] for a language pair the TM lacks.")
    var strictPairs = false

    /// `[]` is the default now; kept so that existing service files still start.
    @Flag(help: .hidden)
    var emptyForUnknownPairs = false

    @Option(help: ArgumentHelp("How much to log on standard error (debug: one line per request).", valueName: "level"))
    var logLevel: Logger.Level = .info

    @Option(help: ArgumentHelp("Close a connection that sends nothing (no request, or not the rest of its headers) for this long; 0: never.", valueName: "seconds"))
    var idleTimeout: Double = 60

    func validate() throws {
        if !(idleTimeout >= 0) { throw ValidationError("--idle-timeout must be 0 or more seconds") }
    }

    func run() async throws {
        let server = KiokuServer(configuration: .init(
            memoryPath: memory.location, glossaryPaths: glossaries, host: host, port: port,
            token: token ?? ProcessInfo.processInfo.environment["KIOKU_TOKEN"],
            unknownPairs: strictPairs ? .notFound : .empty, logLevel: logLevel,
            idleTimeout: idleTimeout > 0 ? .milliseconds(Int64(idleTimeout * 1000)) : nil)) { [memory] () throws(MemoryError) in
                try memory.open()
            }
        let tm = memory.location, host = self.host
        do {
            try await server.run { port in
                FileHandle.standardOutput.write(Data("Kioku serves \(tm) on http://\(host):\(port)\n".utf8))
            }
        } catch {
            Terminal.error(ErrorAdvice.message(for: error, verb: .serve) ?? "\(error)")
            throw ExitCode(2)
        }
    }
}
