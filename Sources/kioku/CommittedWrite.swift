import KiokuMemory

/// What a command does after its write committed: fold the write-ahead log into the TM file.
/// When that fails (a disk that fills up now), the write still landed and the user must hear
/// so, not an error. (An import or a copy also indexes its units: `IndexedWrite` does both.)
///
/// Deletions and edits are not indexed here: any program with the index loaded applies the
/// change log in milliseconds at its next update, while indexing here would load the whole
/// index into this process and make every server on the TM reload its own.
enum CommittedWrite {
    /// The error that stopped the follow-up, if one did.
    static func finish(_ tm: any MemoryStore) -> MemoryError? {
        do throws(MemoryError) {
            try tm.checkpoint()
            return nil
        } catch {
            return error
        }
    }
}
