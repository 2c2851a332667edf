import KiokuMemory

/// Opens a TM by where it is: a `postgresql://` URL opens a ``PostgresStore``, anything else
/// the SQLite file at that path (`TranslationMemory`).
public enum MemoryLocation {
    /// - Parameter create: make a new TM (a new file, or Kioku's tables in an empty database).
    public static func open(_ location: String, create: Bool = false) throws(MemoryError) -> any MemoryStore {
        if PostgresAddress.isAddress(location) { return try PostgresStore(url: location, create: create) }
        return try TranslationMemory(path: location, create: create)
    }
}
