import KiokuMatch
import KiokuMemory

/// What a command does after its write committed: with `indexing`, index what was added, so
/// the next lookup does not pay for it; then fold the write-ahead log into the TM file. When
/// that fails (a disk that fills up now), the write still landed and the user must hear so,
/// not an error.
///
/// Deletions and edits are not indexed here: any program with the index loaded applies the
/// change log in milliseconds at its next update, while indexing here would load the whole
/// index into this process and make every server on the TM reload its own.
enum CommittedWrite {
    /// The error that stopped the follow-up, if one did.
    /// `imported`: what an import's ``ImportTokenizer`` made of its units, for the index.
    static func finish(_ tm: any MemoryStore, indexing: Bool, progressLabel: String? = nil, units: Int = 0,
                       imported: ImportedDocuments? = nil) -> MemoryError? {
        do throws(MemoryError) {
            if indexing {
                let progress = progressLabel.map(Terminal.Progress.init)
                progress?.update(units: units, fraction: nil)
                try FuzzyIndex(memory: tm).update(adding: imported)
                progress?.finish()
            }
            try tm.checkpoint()
            return nil
        } catch {
            return error
        }
    }
}
