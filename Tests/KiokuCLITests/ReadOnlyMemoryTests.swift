import Foundation
import Testing
import KiokuTestSupport

/// A TM the user may only read — an archived TM, a colleague's TM on a shared disk, a file
/// in a folder without write permission: lookups, exports, statistics and checks answer as
/// on a writable copy, every write is refused with advice, and the file is left byte for
/// byte as it was. Root may write anything, so when the tests run as root the commands run
/// as `nobody` (setpriv); otherwise file permissions do the job.
@Suite struct ReadOnlyMemoryTests {
    let query = "Moscow and Tokyo have still not signed a peace treaty after World War II."

    /// A scratch folder holding a seed TM, and a writable copy of it elsewhere to compare with.
    func seedTMs() throws -> (readOnly: String, writable: String) {
        let tm = Scratch.tmPath()
        #expect(try KiokuProcess.run(["import", Repository.sample("seed-summit.tmx"), "--tm", tm]).status == 0)
        let copy = Scratch.tmPath()
        try FileManager.default.copyItem(atPath: tm, toPath: copy)
        // Readable by anyone, whatever the umask: the reader may be `nobody`.
        try chmod(tm, 0o644)
        try chmod((tm as NSString).deletingLastPathComponent, 0o755)
        return (tm, copy)
    }

    /// Runs kioku as a user without write permission (nobody, when the tests run as root).
    func runAsReader(_ arguments: [String]) throws -> KiokuProcess.Result {
        guard geteuid() == 0 else { return try KiokuProcess.run(arguments) }
        return try KiokuProcess.run(URL(fileURLWithPath: "/usr/bin/setpriv"),
                                    ["--reuid=65534", "--regid=65534", "--clear-groups", Self.readable.binary] + arguments)
    }

    /// The binary and the input files, copied where `nobody` may read them (a clone may live
    /// in a folder only root can enter).
    static let readable: (binary: String, tsv: String, glossary: String) = {
        let folder = Scratch.directory()
        try! FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        func copy(_ path: String) -> String {
            let target = folder.appendingPathComponent((path as NSString).lastPathComponent).path
            try! FileManager.default.copyItem(atPath: path, toPath: target)
            try! FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target)
            return target
        }
        return (copy(KiokuProcess.binary.path), copy(Repository.sample("seed-summit.tsv")), copy(Repository.glossary("names-and-places.tsv")))
    }()

    func chmod(_ path: String, _ mode: Int) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    /// A lookup's JSON without its timing.
    func lookup(_ tm: String, reader: Bool) throws -> String {
        let arguments = ["lookup", query, "--tm", tm, "--src", "en", "--tgt", "ru", "--min", "50", "--json"]
        let result = reader ? try runAsReader(arguments) : try KiokuProcess.run(arguments)
        #expect(result.status == 0, "\(result.errors)")
        return result.output.replacingOccurrences(of: #""took_ms" *: *[0-9.e-]+"#, with: "", options: .regularExpression)
    }

    /// Every reading command answers as on the writable copy; every writing one is refused
    /// and leaves the file as it was.
    func expectReadOnlyBehaviour(_ tm: String, writable: String) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: tm))
        let answer = try lookup(tm, reader: true)
        #expect(answer.contains("Москва и Токио"))
        #expect(answer == (try lookup(writable, reader: false)))
        #expect(try runAsReader(["stats", "--tm", tm]).output.contains("25 units"))
        let verify = try runAsReader(["verify", "--tm", tm])
        #expect(verify.status == 0 && verify.output.hasSuffix("The TM is sound.\n"), "\(verify.output)\(verify.errors)")
        let export = Scratch.path("out.tmx")
        try chmod((export as NSString).deletingLastPathComponent, 0o777)
        #expect(try runAsReader(["export", "--tm", tm, "--to", export]).status == 0)
        #expect(try String(contentsOfFile: export, encoding: .utf8).contains("Путин"))
        for arguments in [["import", Self.readable.tsv, "--tm", tm],
                          ["glossary", "import", Self.readable.glossary, "--tm", tm],
                          ["reindex", "--tm", tm]] {
            let refused = try runAsReader(arguments)
            #expect(refused.status == 2, "\(arguments[0]) \(arguments[1])")
            #expect(refused.errors.contains("is read-only; nothing was written") && refused.errors.contains("or work on a copy"), "\(refused.errors)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: tm)) == before)
    }

    @Test func aTMInAFolderNobodyMayWriteIsReadAsItIs() throws {
        let (tm, writable) = try seedTMs()
        let folder = (tm as NSString).deletingLastPathComponent
        try chmod(folder, 0o555)
        defer { try? chmod(folder, 0o755) }
        try expectReadOnlyBehaviour(tm, writable: writable)
        // SQLite could not have put a -wal or -shm file there.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["test.kioku"])
    }

    @Test func aReadOnlyFileInAWritableFolderIsReadAsItIs() throws {
        let (tm, writable) = try seedTMs()
        try chmod((tm as NSString).deletingLastPathComponent, 0o777)
        try chmod(tm, 0o444)
        try expectReadOnlyBehaviour(tm, writable: writable)
    }

    @Test func anOutdatedIndexIsRebuiltInMemoryNotOnDisk() throws {
        let (tm, writable) = try seedTMs()
        // An index saved by an older Kioku (another token format): a writable TM rebuilds and
        // saves it; a read-only one must build it in memory, from the units, for every run.
        try SQLiteShell.run(tm, "UPDATE fuzzy_state SET value = 1 WHERE key = 'format'; DELETE FROM fuzzy_chunk WHERE lang = 'ru'")
        let folder = (tm as NSString).deletingLastPathComponent
        try chmod(folder, 0o555)
        defer { try? chmod(folder, 0o755) }
        let before = try Data(contentsOf: URL(fileURLWithPath: tm))
        #expect(try lookup(tm, reader: true) == (try lookup(writable, reader: false)))
        let reverse = try runAsReader(["lookup", "Москва и Токио до сих пор не подписали мирный договор.", "--tm", tm, "--src", "ru", "--tgt", "en", "--min", "50"])
        #expect(reverse.output.contains("Moscow and Tokyo"), "\(reverse.output)\(reverse.errors)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: tm)) == before)
    }
}
