import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real `kioku serve`, started on a free loopback port (over a fresh copy of the seed
/// memory, or over the TM its arguments name), and an HTTP client for it.
public final class ServerProcess: @unchecked Sendable {
    public let process = Process()
    public let directory: URL
    /// The seed memory's copy (empty when the arguments name the TM).
    public let tm: String
    public let base: URL
    private let errors = Pipe()
    /// What the server has written on standard error so far, read as it comes (a pipe left
    /// unread would stall a server that logs more than it holds), and a signal at its end.
    private let logLock = NSLock()
    private var logged = Data()
    private let logEnded = DispatchSemaphore(value: 0)

    /// Starts a server over a fresh copy of the seed memory; `arguments` are added to
    /// `kioku serve --tm … --port 0`. With `openFiles`, the server may hold only that many
    /// file descriptors (`ulimit -n`).
    public convenience init(arguments: [String] = ["--token", "secret"], openFiles: Int? = nil) throws {
        let directory = Scratch.directory()
        let tm = directory.appendingPathComponent("seed.kioku").path
        let status = try KiokuProcess.run(["import", Repository.sample("seed-summit.tmx"), "--tm", tm]).status
        guard status == 0 else { throw ServerError.importFailed(status) }
        try self.init(serving: ["--tm", tm] + arguments, directory: directory, tm: tm, openFiles: openFiles)
    }

    /// Starts `kioku serve --port 0` with `arguments`, which name the TM (`--db URL`, say).
    public convenience init(serving arguments: [String]) throws {
        try self.init(serving: arguments, directory: Scratch.directory(), tm: "", openFiles: nil)
    }

    private init(serving arguments: [String], directory: URL, tm: String, openFiles: Int?) throws {
        self.directory = directory
        self.tm = tm
        let serve = ["serve", "--port", "0"] + arguments
        if let openFiles {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -n \(openFiles) && exec \"$0\" \"$@\"", KiokuProcess.binary.path] + serve
        } else {
            process.executableURL = KiokuProcess.binary
            process.arguments = serve
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // The first line names the port: "Kioku serves … on http://127.0.0.1:PORT".
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let port = text.split(separator: ":").last.flatMap({ Int($0) }) else { throw ServerError.noPort(text) }
        base = URL(string: "http://127.0.0.1:\(port)")!
        self.port = port
        let reading = errors.fileHandleForReading
        Thread { [self] in
            while true {
                let data = reading.availableData
                if data.isEmpty { break }
                logLock.withLock { logged.append(data) }
            }
            logEnded.signal()
        }.start()
    }

    public let port: Int

    public enum ServerError: Error {
        case importFailed(Int32)
        case noPort(String)
    }

    /// Sends SIGTERM (or another signal) and waits for the process to end.
    public func stop(signal: Int32 = SIGTERM) {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
    }

    public var isRunning: Bool { process.isRunning }

    /// What the server has written on standard error (its log) so far; once it has stopped, all of it.
    public func log() -> String {
        if !process.isRunning {
            logEnded.wait()
            logEnded.signal()  // for the next call
        }
        return logLock.withLock { String(decoding: logged, as: UTF8.self) }
    }

    public func request(_ method: String, _ path: String, body: Data? = nil, token: String? = nil) async throws -> (status: Int, data: Data) {
        let (status, data, _) = try await exchange(method, path, body: body, token: token)
        return (status, data)
    }

    /// A request, answered with the response's headers too.
    public func exchange(_ method: String, _ path: String, body: Data? = nil, token: String? = nil) async throws -> (status: Int, data: Data, response: HTTPURLResponse) {
        var request = URLRequest(url: URL(string: base.absoluteString + path)!)
        request.httpMethod = method
        request.httpBody = body
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        return (http.statusCode, data, http)
    }

    public func get(_ path: String) async throws -> (status: Int, data: Data) {
        try await request("GET", path)
    }

    public func post(_ path: String, _ body: String, token: String? = nil) async throws -> (status: Int, data: Data) {
        try await request("POST", path, body: Data(body.utf8), token: token)
    }

    /// The JSON of a response, parsed.
    public static func json(_ data: Data) -> Any? { try? JSONSerialization.jsonObject(with: data) }

    /// The `error` message of a JSON error answer.
    public static func errorMessage(_ data: Data) -> String? { (json(data) as? [String: Any])?["error"] as? String }

    /// How many units `/health` reports.
    public func unitCount() async throws -> Int? {
        (Self.json(try await get("/health").data) as? [String: Any])?["units"] as? Int
    }
}
