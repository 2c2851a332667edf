import Foundation

/// The fuzzer's scratch folder: one per process, removed when the process exits through `exit`
/// (the end of a libFuzzer run, a replay). A crash leaves it behind, beside the finding.
enum FuzzScratch {
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kioku-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: FuzzScratch.folder) }
        return url
    }()
}
