import ArgumentParser
import Foundation
import KiokuMatch
import KiokuMemory

struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Rebuild a TM's fuzzy index without what deletions and edits left in it, and give the free space back.",
        discussion: """
            Lookups stay exact without it: the index passes over deleted and replaced texts, and drops them \
            from a block of 65,536 segments once a quarter of it is dead. After many deletions, compacting \
            makes the index the size and speed of one built fresh from the remaining units, then rewrites \
            the file without its free pages (it needs about the TM's size in free disk space). Other programs \
            using the TM go on meanwhile and load the new index at their next lookup.
            """
    )

    @OptionGroup var memory: MemoryOption

    @Flag(help: "Print the outcome as JSON.")
    var json = false

    /// What compacting did, for --json.
    struct Outcome: Codable {
        var segmentsIndexed: Int
        var bytesBefore: Int64
        var bytesAfter: Int64
        var seconds: Double
    }

    func run() throws {
        try Terminal.reportingErrors(.edit) {
            let start = Date()
            let tm = try memory.open()
            let before = try tm.storedBytes()
            let report = try FuzzyIndex(memory: tm).compact()
            try tm.reclaimSpace()
            let outcome = Outcome(segmentsIndexed: report.documentsAdded, bytesBefore: before, bytesAfter: try tm.storedBytes(),
                                  seconds: Date().timeIntervalSince(start))
            if json { return try Terminal.printJSON(outcome) }
            let megabytes = { (bytes: Int64) in String(format: "%.1f MB", Double(bytes) / 1_000_000) }
            print("Compacted \(memory.location): the index holds \(outcome.segmentsIndexed.counted("segment")); "
                  + "the file went from \(megabytes(outcome.bytesBefore)) to \(megabytes(outcome.bytesAfter)) in \(String(format: "%.1f", outcome.seconds)) s.")
        }
    }
}
