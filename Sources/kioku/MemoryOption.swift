import ArgumentParser
import KiokuMemory
import KiokuPostgres

/// The TM every command that works on one takes: `--tm PATH` (an SQLite file, the embedded
/// default) or `--db postgresql://…` (a TM in a PostgreSQL database, shared by a team).
struct MemoryOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The translation memory file (SQLite).", valueName: "path"), completion: .file(extensions: ["kioku"]))
    var tm: String?

    @Option(name: .long, help: ArgumentHelp("A translation memory in PostgreSQL instead: postgresql://user@host:port/database (the password from PGPASSWORD; what the URL leaves out from PGUSER, PGHOST, PGPORT).", valueName: "url"))
    var db: String?

    func validate() throws {
        switch (tm, db) {
        case (nil, nil): throw ValidationError("name the translation memory: --tm FILE, or --db postgresql://user@host:port/database")
        case (.some, .some): throw ValidationError("give either --tm or --db, not both")
        case (nil, .some(let db)) where !PostgresAddress.isAddress(db):
            throw ValidationError("--db takes a postgresql://user@host:port/database URL; for a TM file use --tm \(db)")
        default: break
        }
    }

    /// The TM as messages name it: the file's path, or the database's URL without its password.
    var location: String {
        if let tm { return tm }
        guard let db else { return "" }
        return (try? PostgresAddress(db).description) ?? PostgresAddress.redacted(db)
    }

    /// Opens the TM; `create` makes a new one (a new file, or Kioku's tables in an empty database).
    func open(create: Bool = false) throws(MemoryError) -> any MemoryStore {
        try MemoryLocation.open(db ?? tm ?? "", create: create)
    }
}
