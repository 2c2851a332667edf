import Foundation

/// Throwaway folders and files for tests, each in a folder of its own under the system's
/// temporary directory.
public enum Scratch {
    /// A new empty folder.
    public static func directory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kioku-tests-\(UUID().uuidString)")
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
