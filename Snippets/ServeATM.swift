// KiokuServer: serve a TM over HTTP in-process, ask it as Weblate does, then stop it.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KiokuFormats
import KiokuMemory
import KiokuServer

// snippet.hide
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kioku-snippet-\(UUID().uuidString)").path
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
let path = folder + "/summit.kioku"
try TranslationMemory(path: path).add([TranslationUnit(variants: [
    Variant(language: .english, text: "Moscow and Tokyo"), Variant(language: .russian, text: "Москва и Токио"),
], sourceLanguage: .english)])
// snippet.show
let server = KiokuServer(configuration: .init(memoryPath: path, port: 0, logLevel: .warning))
try await server.run { port in
    Task {
        let url = URL(string: "http://127.0.0.1:\(port)/tmserver/en/ru/unit/Moscow%20and%20Tokyo")!
        let (body, _) = try await URLSession.shared.data(from: url)
        print(String(decoding: body, as: UTF8.self))   // [{"context":"","quality":100,"source":"Moscow and Tokyo","target":"Москва и Токио"}]
        kill(getpid(), SIGTERM)                         // a graceful stop, as a service manager would ask
    }
}
