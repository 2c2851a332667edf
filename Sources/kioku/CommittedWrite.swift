import KiokuMatch
import KiokuMemory

/// What a command does after its write committed: index what changed, so the next lookup
/// does not pay for it, and fold the write-ahead log into the TM file. When that fails (a disk
/// that fills up now), the write still landed and the user must hear so, not an error.
enum CommittedWrite {
    /// The error that stopped the follow-up, if one did.
    static func finish(_ tm: TranslationMemory, progressLabel: String? = nil, units: Int = 0) -> MemoryError? {
        do throws(MemoryError) {
            let indexing = progressLabel.map(Terminal.Progress.init)
            indexing?.update(units: units, fraction: nil)
            try FuzzyIndex(memory: tm).update()
            indexing?.finish()
            try tm.checkpoint()
            return nil
        } catch {
            return error
        }
    }
}
