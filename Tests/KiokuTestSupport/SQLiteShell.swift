import Foundation

/// The sqlite3 shell, for tests that change a TM behind Kioku's back (`scripts/install-deps.sh
/// --test-tools` installs it).
public enum SQLiteShell {
    /// What went wrong running the shell.
    public enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case failed(String)

        public var description: String {
            switch self {
            case .notInstalled: "the sqlite3 shell is not installed (apt-get install sqlite3); scripts/install-deps.sh --test-tools installs it"
            case .failed(let errors): "sqlite3 failed: \(errors)"
            }
        }
    }

    /// Runs `statement` on the database at `path`; what it printed.
    @discardableResult
    public static func run(_ path: String, _ statement: String) throws -> String {
        guard let shell = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first(where: FileManager.default.isExecutableFile) else {
            throw Failure.notInstalled
        }
        let result = try KiokuProcess.run(URL(fileURLWithPath: shell), [path, statement])
        guard result.status == 0 else { throw Failure.failed(result.errors) }
        return result.output
    }
}
