import Foundation

/// The fuzzer's scratch folder: one per process, removed when the process exits (libFuzzer
/// exits through `exit` at the end of a run, a crash or a timeout's report).
enum FuzzScratch {
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kioku-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: FuzzScratch.folder) }
        return url
    }()
}
