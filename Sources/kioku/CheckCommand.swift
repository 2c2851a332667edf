import ArgumentParser
import Foundation
import KiokuFormats
import KiokuMemory
import KiokuPostgres
import KiokuTerms
import KiokuText

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check translations against a glossary and for consistency; exit 1 on errors.",
        discussion: """
            TARGET is a TM, a TMX, TSV/CSV or XLIFF file, or two Moses files. Without --glossary, a TM's \
            stored glossary is used (kioku glossary import).

            Errors: a concept named in the source without an approved term in the target (missing), a \
            forbidden term in the target. Warnings: a concept in the target that the source does not name \
            (extra); the same source translated differently, or the same target for different sources \
            (inconsistent).

            Exit status: 0 clean (warnings allowed), 1 errors found, 2 bad input — so a pipeline can gate on it.
            """
    )

    @Argument(help: ArgumentHelp("The TM (a file or a postgresql:// URL) or file to check (or a Moses pair: corpus.en corpus.ru).", valueName: "target"))
    var targets: [String]

    @Option(name: .customLong("glossary"), help: ArgumentHelp("Glossary files (.tbx, .tsv, .csv); repeat to merge.", valueName: "file"))
    var glossaries: [String] = []

    @Option(help: ArgumentHelp("Check from this language (default: each unit's source).", valueName: "lang"))
    var src: LanguageTag?

    @Option(help: ArgumentHelp("Check only this target language (default: every other language).", valueName: "lang"))
    var tgt: LanguageTag?

    @Flag(help: "Skip the consistency check (same source, different targets).")
    var noConsistency = false

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() throws {
        var report = CheckReport()
        try Terminal.reportingErrors(.check) {
            let target = targets[0]
            let isMemory = targets.count == 1 && Self.isMemory(target)
            let glossary: Glossary? = try glossaries.isEmpty
                ? (isMemory ? try GlossaryStore.load(from: try MemoryLocation.open(target)) : nil)
                : GlossarySource.load(files: glossaries, tm: nil)
            let checker = UnitChecker(glossary: glossary, source: src, target: tgt, consistency: !noConsistency)
            let progress = Terminal.Progress("checking")
            var count = 0
            if isMemory {
                try MemoryLocation.open(target).forEachUnit { stored in
                    checker.add(stored.unit, location: "unit \(stored.id)")
                    count += 1
                    if count % 20_000 == 0 { progress.update(units: count, fraction: nil) }
                }
            } else {
                for source in try UnitReaders.open(paths: targets, sourceLanguage: src, targetLanguage: tgt) {
                    while let item = try source.reader.next() {
                        guard case .unit(let unit, let at) = item else { continue }
                        checker.add(unit, location: at.description)
                        count += 1
                        if count % 20_000 == 0 { progress.update(units: count, fraction: source.reader.progress.fraction) }
                    }
                }
            }
            report = checker.finish()
            progress.finish()
        }
        if json {
            try Terminal.printJSON(report)
        } else {
            for finding in report.findings { print(finding) }
            print("Checked \(report.unitsChecked.counted("unit")): \(report.errors.counted("error")), \(report.warnings.counted("warning")).")
        }
        if !report.passed { throw ExitCode(1) }
    }

    /// A TM is an SQLite file; anything else is read as a translation file.
    static func isMemory(_ path: String) -> Bool {
        if PostgresAddress.isAddress(path) { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return handle.readData(ofLength: 16).starts(with: Array("SQLite format 3".utf8))
    }
}

extension ReadProgress {
    var fraction: Double? { totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : nil }
}
