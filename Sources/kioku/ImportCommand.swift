import ArgumentParser
import Foundation
import KiokuFormats
import KiokuMatch
import KiokuTerms
import KiokuMemory
import KiokuText

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Put aligned segments into a translation memory (created if missing).",
        discussion: """
            Formats: TMX 1.1–1.4b (.tmx), TSV (.tsv, .tab) and CSV (.csv) with a header row of \
            language codes or --src/--tgt naming the columns, XLIFF 1.2/2.0 (.xlf, .xliff; translated \
            units only), gettext PO (.po; translated, non-fuzzy entries), and Moses parallel files (two \
            files, e.g. corpus.en corpus.ru, or --format moses).

            All files of one command are imported in one transaction: on any error nothing is imported. \
            Identical units are stored once. The fuzzy index is brought up to date before the command ends.
            """
    )

    @Argument(help: ArgumentHelp("Files to import.", valueName: "file"))
    var files: [String]

    @OptionGroup var memory: MemoryOption

    @Option(help: ArgumentHelp("Source language: TSV/Moses first column, TMX srclang fallback, XLIFF fallback.", valueName: "lang"))
    var src: LanguageTag?

    @Option(help: ArgumentHelp("Target language: TSV/Moses second column, XLIFF fallback.", valueName: "lang"))
    var tgt: LanguageTag?

    @Option(help: ArgumentHelp("Keep only these languages, e.g. en,ru,ja.", valueName: "list"), completion: LanguageList.completion, transform: LanguageList.parse)
    var langs: LanguageList?

    @Option(help: ArgumentHelp("The input format, when the file name does not tell.", valueName: "format"))
    var format: UnitFormat?

    @Option(name: .customLong("glossary"), help: ArgumentHelp("Check each unit against these glossaries (with --enforce).", valueName: "file"))
    var glossaries: [String] = []

    @Option(help: ArgumentHelp("With --glossary: reject (keep violating units out, listed) or flag (store them with an x-kioku-flag property).", valueName: "mode"))
    var enforce: EnforcementMode?

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        if enforce != nil, glossaries.isEmpty { throw ValidationError("--enforce needs --glossary FILE") }
    }

    func run() throws {
        try Terminal.reportingErrors(.import) {
            let sources = try UnitReaders.open(paths: files, format: format, sourceLanguage: src, targetLanguage: tgt)
            let tm = try memory.open(create: true)
            let progress = Terminal.Progress("importing")
            var options = ImportOptions(languages: langs?.tags)
            if !glossaries.isEmpty {
                let checker = UnitChecker(glossary: try GlossarySource.load(files: glossaries, tm: nil), source: src, target: tgt)
                let rejecting = enforce != .flag
                options.screen = { unit, location in
                    let errors = checker.findings(of: unit, location: location.description).filter { $0.severity == .error }
                    guard !errors.isEmpty else { return .accept }
                    let reason = errors.map { finding in
                        "\(finding.kind.rawValue) \(finding.concept ?? "") (\(finding.targetLanguage))\(finding.found.isEmpty ? "" : ": " + finding.found.joined(separator: ", "))"
                    }.joined(separator: "; ")
                    return rejecting ? .reject(reason) : .flag(reason)
                }
            }
            // The units are tokenized for the index on the other core while they are stored, and
            // into a new TM with nothing else on it, SQLite writes each new page once.
            var indexing: Terminal.Progress?
            let outcome = try IndexedWrite.run(into: tm) { inserted throws(MemoryError) in
                options.inserted = inserted
                return try tm.importUnits(from: sources.map { .init(origin: $0.origin, reader: $0.reader) }, options: options) {
                    progress.update(units: $0.units, fraction: $0.fraction)
                }
            } committed: { report in
                progress.finish()
                indexing = Terminal.Progress("indexing")
                indexing?.update(units: report.added, fraction: nil)
            }
            indexing?.finish()
            let report = outcome.report
            if json { try Terminal.printJSON(report) } else { printReport(report) }
            if let afterwards = outcome.afterCommit { Terminal.warning(ErrorAdvice.afterCommit(afterwards, path: memory.location, what: "the units above are in", finishing: "the import (indexing, folding the write-ahead log into the file)")) }
        }
    }

    private func printReport(_ report: ImportReport) {
        for notice in report.notices { print("note: " + ErrorAdvice.line(for: notice)) }
        print("Imported \(report.files.joined(separator: ", ")) into \(memory.location):")
        print("  \(report.added.counted("unit")) added, \(report.duplicates.counted("duplicate")) merged, \(report.skipped.formatted()) skipped")
        let listed = report.skips.prefix(10)
        for skip in listed { print("  skipped " + ErrorAdvice.line(for: skip)) }
        if report.skipped > listed.count {
            print("  … and \((report.skipped - listed.count).formatted()) more skipped (--json lists the first \(report.skips.count))")
        }
        if report.rejected > 0 {
            print("  \(report.rejected.counted("unit")) kept out by the glossary:")
            for rejection in report.rejections.prefix(20) { print("    \(rejection)") }
            if report.rejected > 20 { print("    … and \((report.rejected - 20).formatted()) more (--json lists \(report.rejections.count))") }
        }
        if report.flagged > 0 { print("  \(report.flagged.counted("unit")) stored with a glossary flag (x-kioku-flag)") }
        print("  the TM now holds \(report.unitsInMemory.counted("unit"))")
    }
}
