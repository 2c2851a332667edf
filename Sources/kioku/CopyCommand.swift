import ArgumentParser
import Foundation
import KiokuMatch
import KiokuMemory
import KiokuPostgres

struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole TM between an SQLite file and a PostgreSQL database (either way).",
        discussion: """
            FROM and TO are each a TM file or a postgresql://user@host:port/database URL (the password from \
            PGPASSWORD). TO must be new or empty. Units keep their ids, metadata and origins; edit histories \
            and the stored glossary come along; everything lands in one transaction, or nothing does. TO's \
            fuzzy index is built from the units as they are copied, and saved once they are in.
            """
    )

    @Argument(help: ArgumentHelp("The TM to copy: a file or a postgresql:// URL.", valueName: "from"))
    var from: String

    @Argument(help: ArgumentHelp("Where to copy it: a new file or an empty database.", valueName: "to"))
    var to: String

    func run() throws {
        try Terminal.reportingErrors(.copy) {
            let source = try MemoryLocation.open(from)
            let target = try MemoryLocation.open(to, create: true)
            let progress = Terminal.Progress("copying")
            let total = try source.unitCount()
            let started = Date()
            // The target is new: into a SQLite file with nothing else on it, each copied page is
            // written once (the rollback journal, not the write-ahead log), as `kioku import` does.
            // The units are tokenized for the target's index on the other core while they are
            // written, as an import's are, instead of being read back once they are in.
            var copied = 0.0
            var indexing: Terminal.Progress?
            let outcome = try IndexedWrite.run(into: target, idsMayHaveGaps: true) { inserted throws(MemoryError) in
                try source.copy(to: target, inserted: inserted) { copied in
                    progress.update(units: copied, fraction: total > 0 ? Double(copied) / Double(total) : nil)
                }
            } committed: { report in
                progress.finish()
                copied = Date().timeIntervalSince(started)
                indexing = Terminal.Progress("indexing")
                indexing?.update(units: report.units, fraction: nil)
            }
            indexing?.finish()
            let report = outcome.report
            if let afterwards = outcome.afterCommit {
                Terminal.warning(ErrorAdvice.afterCommit(afterwards, path: target.location, what: "the units are copied to", finishing: "the copy (indexing)"))
            }
            print("Copied \(report.units.counted("unit")) from \(source.location) to \(target.location) in \(String(format: "%.1f", copied)) s: "
                  + "\(report.origins.counted("origin")), \(report.revisions.counted("history entry", plural: "history entries")), "
                  + "\(report.glossaryRecords.counted("glossary concept")).")
        }
    }
}
