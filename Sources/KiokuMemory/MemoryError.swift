import KiokuFormats

/// Why a translation-memory operation failed, as data: the store is unchanged when one is
/// thrown. Each case says what happened; what the user should do about it is rendered by
/// the program that met it (the CLI's advice names its options, the server's its routes).
public enum MemoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An input file was unusable; the whole import was rolled back.
    case format(FormatError)
    /// There is no TM at the path (and the caller did not ask to create one).
    case missing(path: String)
    /// The file is not a Kioku TM: not SQLite at all, or SQLite without Kioku's tables.
    case notAMemory(path: String, isSQLite: Bool)
    /// The TM exists but cannot be opened (permissions, a lock, an I/O error).
    case cannotOpen(path: String, reason: String)
    /// Reading failed.
    case readFailed(path: String, reason: String)
    /// Writing failed (an I/O error, say); nothing of the write was kept.
    case writeFailed(path: String, reason: String)
    /// The disk is full; nothing of the write was kept.
    case diskFull(path: String)
    /// The TM file or its folder is read-only; nothing was written.
    case readOnly(path: String)
    /// Another program held the TM's write lock for longer than the store waits.
    case busy(path: String)
    /// Another program has the TM to itself while it fills it (an import or a copy into a TM
    /// that held no units, see ``MemoryStore/withSoleAccess(_:)``): told at once, where a write
    /// lock is waited for.
    case filling(path: String)
    /// The database server cannot be reached, or the connection to it broke (a shared store
    /// only); nothing of a write in progress was kept.
    case unreachable(path: String, reason: String)
    /// A copy's target already holds units (a copy goes into an empty TM only); nothing was written.
    case notEmpty(path: String, units: Int)
    /// The store reports damage to its own data.
    case damaged(path: String, reason: String)
    /// The fuzzy index data of one language cannot be decoded (the units are intact).
    case damagedIndex(path: String, language: String)
    /// The TM was written by a newer Kioku: its schema has changes this version does not know,
    /// so it is neither read nor written.
    case newerFormat(path: String)
    /// No unit has this id (it was never there, or it was deleted); nothing was written.
    case noSuchUnit(path: String, id: UnitID)
    /// The unit has no variant in that language (`available`: the languages it has).
    case noSuchVariant(path: String, unit: UnitID, language: String, available: [String])
    /// An edit would leave a variant empty (delete the unit instead); nothing was written.
    case emptyVariant(path: String, unit: UnitID)
    /// The unit has several variants the language covers (`ru` and `ru-RU`, `ru-UA`): one must be named.
    case ambiguousVariant(path: String, unit: UnitID, language: String, candidates: [String])

    public var description: String {
        switch self {
        case .format(let error): error.description
        case .missing(let path): "\(path): no such translation memory"
        case .notAMemory(let path, let isSQLite):
            isSQLite ? "\(path): an SQLite file, but not a Kioku translation memory" : "\(path): not a translation memory (not an SQLite file)"
        case .cannotOpen(let path, let reason): "\(path): cannot open the translation memory: \(reason)"
        case .readFailed(let path, let reason): "\(path): cannot read the translation memory: \(reason)"
        case .writeFailed(let path, let reason): "\(path): cannot write to the translation memory: \(reason); nothing of this write was kept"
        case .diskFull(let path): "\(path): the disk is full; nothing of this write was kept"
        case .readOnly(let path): "\(path): the translation memory (or its folder) is read-only; nothing was written"
        case .busy(let path): "\(path): another program is writing to the translation memory and did not finish in time"
        case .filling(let path): "\(path): another program is filling the translation memory and has it to itself meanwhile"
        case .unreachable(let path, let reason): "\(path): the database is out of reach (\(reason)); nothing was written"
        case .notEmpty(let path, let units): "\(path): the translation memory already holds \(units) unit\(units == 1 ? "" : "s"); a copy goes into an empty one, and nothing was written"
        case .damaged(let path, let reason): "\(path): the translation memory is damaged: \(reason)"
        case .damagedIndex(let path, let language): "\(path): the fuzzy index of \(language) is damaged (the units themselves are intact)"
        case .newerFormat(let path): "\(path): the translation memory was written by a newer Kioku (its file has changes this version does not know); nothing was read or written"
        case .noSuchUnit(let path, let id): "\(path): there is no unit \(id) (never added, or deleted); nothing was written"
        case .noSuchVariant(let path, let unit, let language, let available):
            "\(path): unit \(unit) has no \(language) variant (it has \(available.joined(separator: ", "))); nothing was written"
        case .emptyVariant(let path, let unit): "\(path): the new text for unit \(unit) is empty; nothing was written"
        case .ambiguousVariant(let path, let unit, let language, let candidates):
            "\(path): unit \(unit) has \(candidates.count) variants in \(language) (\(candidates.joined(separator: ", "))); nothing was written"
        }
    }
}
