import ArgumentParser
import Foundation
import KiokuMatch
import KiokuMemory

struct ReindexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Rebuild a TM's fuzzy index from its units (the units are not touched).",
        discussion: "For an index `kioku verify` finds wrong or damaged. Interrupted, it leaves no index, which the next lookup rebuilds."
    )

    @OptionGroup var memory: MemoryOption

    func run() throws {
        try Terminal.reportingErrors(.verify) {
            let tm = try memory.open()
            let report = try FuzzyIndex.rebuild(memory: tm)
            try tm.checkpoint()
            print("Rebuilt the index of \(memory.location): \(report.documentsAdded.counted("segment")) in \(String(format: "%.1f", report.seconds)) s.")
        }
    }
}
