import Foundation
import Synchronization

/// Throwaway folders and files for tests, each in a folder of its own inside one folder per
/// test process under the system's temporary directory. That folder is removed when the process
/// exits, and a later process removes what a crashed one left.
public enum Scratch {
    /// The prefix of every test process's folder; the process id follows it.
    private static let prefix = "kioku-tests-"

    /// This process's folder, made on first use; removed at exit.
    private static let processFolder: URL = {
        let files = FileManager.default
        let temporary = files.temporaryDirectory
        removeFoldersOfEndedProcesses(in: temporary)
        let url = temporary.appendingPathComponent("\(prefix)\(getpid())-\(UUID().uuidString.prefix(8))")
        try! files.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Scratch.processFolder) }
        return url
    }()

    /// Removes the folders of test processes that are no longer running (a crash or a kill
    /// skips the removal at exit).
    private static func removeFoldersOfEndedProcesses(in temporary: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
            }
        }
    }

    /// How many folders this process has made. Their names are short: a PostgreSQL server's
    /// socket lives in one, and a socket's path may not pass 107 bytes.
    private static let made = Atomic<Int>(0)

    /// A new empty folder.
    public static func directory() -> URL {
        let number = made.add(1, ordering: .relaxed).newValue
        let url = processFolder.appendingPathComponent(String(number))
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A path for a new TM (the file does not exist yet).
    public static func tmPath() -> String { directory().appendingPathComponent("test.kioku").path }

    /// Writes `text` (UTF-8) to a new file named `name` and returns its path.
    @discardableResult
    public static func file(_ name: String, _ text: String) -> String { file(name, Array(text.utf8)) }

    /// Writes `bytes` to a new file named `name` and returns its path.
    @discardableResult
    public static func file(_ name: String, _ bytes: [UInt8]) -> String {
        let url = directory().appendingPathComponent(name)
        try! Data(bytes).write(to: url)
        return url.path
    }

    /// A path for a file named `name` in a new folder (the file does not exist yet).
    public static func path(_ name: String) -> String { directory().appendingPathComponent(name).path }

    /// The size of the file at `path` in bytes; 0 when there is none (a journal or log not made yet).
    public static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
}
