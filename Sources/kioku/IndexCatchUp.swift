import Foundation
import KiokuMatch
import KiokuMemory

/// Brings a TM's fuzzy index up to date before a command's lookups, and tells the user when
/// that is a long wait — a TM imported without its index, or one whose index is of an older
/// format: without a word, the first lookup would seem to hang (10 s at 1M units).
enum IndexCatchUp {
    static func run(_ index: FuzzyIndex) throws(MemoryError) {
        let behind = try index.unitsBehind()
        guard behind >= FuzzyIndex.noticeableBacklog else { return }
        let kept = index.memory.isReadOnly ? "the TM is read-only, so every command on it does this again"
            : "the index is saved in the TM, so later commands start at once"
        Terminal.note("indexing \(behind.counted("unit")) for fuzzy lookups first (\(kept))")
        let progress = Terminal.Progress("indexing")
        progress.update(units: behind, fraction: nil)
        defer { progress.finish() }
        try index.catchUp()
    }
}
