import ArgumentParser
import Foundation
import KiokuMatch
import KiokuMemory
import KiokuPostgres

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a TM file and its fuzzy index against its units (writes nothing).",
        discussion: """
            Runs SQLite's integrity check over every page, checks that the saved index holds exactly the \
            TM's variants (every chunk readable), and compares --sample lookups per language through the \
            index with a full scan of the units. Exit status 0: sound; 1: problems found (the message \
            says what to do); 2: the file cannot be opened as a TM.
            """
    )

    @OptionGroup var memory: MemoryOption

    @Option(help: ArgumentHelp("Lookups per language compared with a full scan (0 skips them).", valueName: "count"))
    var sample = 10

    @Flag(help: "Print the findings as JSON.")
    var json = false

    func validate() throws {
        guard sample >= 0 else { throw ValidationError("--sample must be 0 or more") }
    }

    struct Report: Encodable {
        var path: String
        var units: Int
        var fileProblems: [String]
        var index: IndexCheck?
        var sound: Bool
    }

    func run() throws {
        var report = Report(path: memory.location, units: 0, fileProblems: [], index: nil, sound: false)
        try Terminal.reportingErrors(.verify) {
            let tm = try memory.open()
            do {
                report.fileProblems = try tm.integrityProblems()
                report.units = try tm.unitCount()
            } catch let error as MemoryError {
                guard case .damaged(_, let reason) = error else { throw error }
                report.fileProblems = [reason]
            }
            if report.fileProblems.isEmpty { report.index = try FuzzyIndex.check(memory: tm, sample: sample) }
        }
        report.sound = report.fileProblems.isEmpty && report.index?.isSound == true
        if json {
            try Terminal.printJSON(report)
        } else {
            print(render(report))
        }
        if !report.sound { throw ExitCode(1) }
    }

    func render(_ report: Report) -> String {
        var lines = ["\(report.path): \(report.units.counted("unit"))"]
        let whole = PostgresAddress.isAddress(report.path) ? "  units: every unit's content matches its checksum"
                                                          : "  file: every page reads back consistent (SQLite integrity check)"
        lines.append(report.fileProblems.isEmpty ? whole
                                                 : "  file: " + report.fileProblems.prefix(10).joined(separator: "\n        "))
        if let index = report.index {
            let counts = index.languages.map { "\($0.language) \($0.indexed.formatted())/\($0.stored.formatted())" }.joined(separator: ", ")
            lines.append("  index: \(counts.isEmpty ? "empty" : counts) variants indexed/stored"
                         + (index.unitsNotYetIndexed > 0 ? "; \(index.unitsNotYetIndexed.counted("unit")) added, edited or deleted since it was saved (the next lookup brings it up to date)" : ""))
            for problem in index.problems { lines.append("  problem: " + problem) }
            if index.sampledLookups > 0 {
                lines.append("  lookups: \(index.sampledLookups) compared with a full scan, \(index.mismatches.count) differed")
            }
        }
        if !report.fileProblems.isEmpty {
            lines.append("The TM file is damaged. Restore it from a backup, or export what still reads (kioku export \(ErrorAdvice.memoryOption(report.path)) --to rescue.tmx) and import that into a new TM.")
        } else if report.index?.isSound == false {
            lines.append("The index does not match the units (they are fine). Rebuild it: kioku reindex \(ErrorAdvice.memoryOption(report.path))")
        } else {
            lines.append("The TM is sound.")
        }
        return lines.joined(separator: "\n")
    }
}
