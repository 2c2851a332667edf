import ArgumentParser
import Foundation
import KiokuMemory
import KiokuQA
import KiokuTerms

struct QACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qa",
        abstract: "Find what a TM manager fixes before trusting a TM: empty or untranslated targets, numbers, codes, lengths, conflicts, scripts, glossary errors (writes nothing).",
        discussion: """
            Kinds: empty (a variant with no text), identical (target = source), numbers (compared \
            by value: 1,5 = 1.5, 12 000 = 12,000; numerals like 三 are not read), codes (inline \
            tags and placeholders), length (a ratio far outside the language pair's own), conflict \
            (one source, different targets), script (a Russian or Japanese target in Latin letters \
            only), glossary (errors against the TM's stored glossary, or --glossary). Exit status \
            0: nothing found; 1: findings; 2: the TM cannot be read.
            """
    )

    @OptionGroup var memory: MemoryOption

    @Option(help: ArgumentHelp("The kinds to look for, comma-separated (default: all).", valueName: "kinds"))
    var kinds: String?

    @Option(name: .customLong("glossary"), help: ArgumentHelp("Glossaries for the glossary check (default: the TM's).", valueName: "file"))
    var glossaries: [String] = []

    @Option(help: ArgumentHelp("Findings listed per kind in the human report (--json lists all).", valueName: "count"))
    var show = 10

    @Flag(help: "Print every finding as JSON.")
    var json = false

    func validate() throws {
        _ = try selectedKinds()
        guard show >= 0 else { throw ValidationError("--show must be 0 or more") }
    }

    func selectedKinds() throws -> Set<QAKind> {
        guard let kinds else { return Set(QAKind.allCases) }
        var selected: Set<QAKind> = []
        for name in kinds.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let kind = QAKind(rawValue: name) else {
                throw ValidationError("no QA kind \"\(name)\"; the kinds are \(QAKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            selected.insert(kind)
        }
        return selected
    }

    func run() throws {
        let kinds = try selectedKinds()
        var report = QAReport()
        try Terminal.reportingErrors(.qa) {
            let tm = try TranslationMemory(path: memory.tm, create: false)
            let glossary = glossaries.isEmpty ? try GlossaryStore.load(from: tm) : try GlossaryFile.read(paths: glossaries)
            report = try QASweep(kinds: kinds, glossary: glossary).run(over: tm)
        }
        if json { try Terminal.printJSON(report) } else { printReport(report, kinds: kinds) }
        if !report.findings.isEmpty { throw ExitCode(1) }
    }

    private func printReport(_ report: QAReport, kinds: Set<QAKind>) {
        print("\(memory.tm): \(report.unitsChecked.counted("unit")), \(report.pairsChecked.counted("source–target pair")) checked")
        let counts = report.counts
        for kind in QAKind.allCases where kinds.contains(kind) {
            print("  \(kind.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(counts[kind] ?? 0)")
        }
        for kind in QAKind.allCases {
            let found = report.findings.filter { $0.kind == kind }
            guard !found.isEmpty, show > 0 else { continue }
            print("\n\(kind.rawValue):")
            for finding in found.prefix(show) {
                let related = finding.relatedUnits.isEmpty ? "" : " (also units \(finding.relatedUnits.prefix(8).map(String.init).joined(separator: ", "))\(finding.relatedUnits.count > 8 ? ", …" : ""))"
                print("  unit \(finding.unit) \(finding.sourceLanguage)→\(finding.targetLanguage): \(finding.detail)\(related)")
                print("    \(finding.sourceLanguage): \(finding.source)")
                print("    \(finding.targetLanguage): \(finding.target)")
            }
            if found.count > show { print("  … and \((found.count - show).formatted()) more (--json lists all)") }
        }
        if report.findings.isEmpty { print("Nothing found.") }
    }
}
