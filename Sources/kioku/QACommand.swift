import ArgumentParser
import Foundation
import KiokuMemory
import KiokuQA
import KiokuTerms

struct QACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qa",
        abstract: "Find what a TM manager fixes before trusting a TM: empty or untranslated targets, numbers, codes, lengths, conflicts, scripts, glossary errors.",
        discussion: """
            Kinds: empty (a variant with no text), identical (target = source), numbers (compared \
            by value: 1,5 = 1.5, 12 000 = 12,000; numerals like 三 are not read), codes (inline \
            tags and placeholders), length (a ratio far outside the language pair's own), conflict \
            (one source, different targets), script (a Russian or Japanese target in Latin letters \
            only), glossary (errors against the TM's stored glossary, or --glossary). Without --fix it \
            writes nothing. --fix delete deletes the units of the chosen --kinds (of a conflict, all but \
            the unit changed last); --fix flag gives them an x-kioku-flag property saying what was found. \
            A fix is one transaction and needs --kinds, so that nothing is acted on by accident. Exit \
            status 0: nothing found (or everything found was fixed); 1: findings left; 2: the TM cannot \
            be read or written.
            """
    )

    @OptionGroup var memory: MemoryOption

    @Option(help: ArgumentHelp("The kinds to look for, comma-separated (default: all).", valueName: "kinds"))
    var kinds: String?

    @Option(name: .customLong("glossary"), help: ArgumentHelp("Glossaries for the glossary check (default: the TM's).", valueName: "file"))
    var glossaries: [String] = []

    @Option(help: ArgumentHelp("Findings listed per kind in the human report (--json lists all).", valueName: "count"))
    var show = 10

    @Option(help: ArgumentHelp("Act on the findings of --kinds: delete their units, or flag them (x-kioku-flag).", valueName: "delete|flag"))
    var fix: QAFix?

    @Option(help: ArgumentHelp("With --fix: who fixes, for the change log (default: $USER).", valueName: "name"))
    var user: String?

    @Flag(help: "Print every finding as JSON.")
    var json = false

    func validate() throws {
        _ = try selectedKinds()
        if fix != nil, kinds == nil { throw ValidationError("--fix needs --kinds: name the kinds to act on (for example --kinds empty,identical)") }
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

    /// A sweep, and what its fix did, for --json.
    struct Outcome: Encodable {
        var report: QAReport
        var fixed: QAFixOutcome?

        func encode(to encoder: any Encoder) throws {
            try report.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encodeIfPresent(fixed, forKey: .fixed)
        }

        enum Key: String, CodingKey { case fixed }
    }

    func run() throws {
        let kinds = try selectedKinds()
        var outcome = Outcome(report: QAReport())
        var afterwards: MemoryError?
        try Terminal.reportingErrors(.qa) {
            let tm = try memory.open()
            let glossary = glossaries.isEmpty ? try GlossaryStore.load(from: tm) : try GlossaryFile.read(paths: glossaries)
            outcome.report = try QASweep(kinds: kinds, glossary: glossary).run(over: tm)
            if let fix, !outcome.report.findings.isEmpty {
                outcome.fixed = try outcome.report.apply(fix, kinds: kinds, to: tm, stamp: .now(by: user ?? ProcessInfo.processInfo.environment["USER"]))
                afterwards = CommittedWrite.finish(tm)
            }
        }
        if json { try Terminal.printJSON(outcome) } else { printReport(outcome.report, kinds: kinds) }
        if let fixed = outcome.fixed, !json {
            let verb = fixed.fix == .delete ? "Deleted" : "Flagged (x-kioku-flag)"
            print("\n\(verb) \(fixed.units.count.counted("unit")): \(fixed.units.prefix(20).map(\.description).joined(separator: ", "))\(fixed.units.count > 20 ? ", …" : "")")
        }
        if let afterwards {
            Terminal.warning(ErrorAdvice.afterCommit(afterwards, path: memory.location, what: "the fix is in", finishing: "the fix (folding the write-ahead log into the file)"))
        }
        if !outcome.report.findings.isEmpty && outcome.fixed == nil { throw ExitCode(1) }
    }

    private func printReport(_ report: QAReport, kinds: Set<QAKind>) {
        print("\(memory.location): \(report.unitsChecked.counted("unit")), \(report.pairsChecked.counted("source–target pair")) checked")
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
