import ArgumentParser
import Foundation
import KiokuServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a TM over HTTP: tmserver/amaGama routes for Weblate and Virtaal, and a JSON API.",
        discussion: """
            GET /tmserver/{src}/{tgt}/unit/{text} (also under /api/v1, and …/unit/?source=TEXT) answers
            [{"source","target","quality","context"}], best first; GET /api/v1/languages/ lists the languages.
            POST /api/lookup, GET /api/stats, POST /api/units (needs --token or KIOKU_TOKEN), /health, /metrics.
            Binds 127.0.0.1 unless --host says otherwise.
            """
    )

    @OptionGroup var memory: MemoryOption

    @Option(name: .customLong("glossary"), help: ArgumentHelp("Glossaries for lookup annotations (default: the TM's).", valueName: "file"))
    var glossaries: [String] = []

    @Option(help: ArgumentHelp("The address to bind.", valueName: "host"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port (0: any free port, printed at start).", valueName: "port"))
    var port = 8080

    @Option(help: ArgumentHelp("The bearer token that writes need (or set KIOKU_TOKEN).", valueName: "token"))
    var token: String?

    func run() async throws {
        let server = KiokuServer(configuration: .init(
            memoryPath: memory.tm, glossaryPaths: glossaries, host: host, port: port,
            token: token ?? ProcessInfo.processInfo.environment["KIOKU_TOKEN"]))
        let tm = memory.tm, host = self.host
        do {
            try await server.run { port in
                FileHandle.standardOutput.write(Data("Kioku serves \(tm) on http://\(host):\(port)\n".utf8))
            }
        } catch {
            Terminal.error("\(error)")
            throw ExitCode(2)
        }
    }
}
