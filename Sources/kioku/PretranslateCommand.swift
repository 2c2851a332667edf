import ArgumentParser
import Foundation
import KiokuFormats
import KiokuJobs
import KiokuMatch
import KiokuMemory
import KiokuTerms
import KiokuText

struct PretranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pretranslate",
        abstract: "Fill a job file's targets from the TM and add its best matches as candidates.",
        discussion: """
            XLIFF 1.2: targets with state and state-qualifier (exact-match, fuzzy-match, leveraged-tm), matches \
            as <alt-trans>. XLIFF 2.0: targets with the segment's state, matches as <mtc:matches>. PO: msgstr \
            filled (#, fuzzy below 100%), the score, origin and other matches as translator comments. Segments \
            already translated are left alone unless --overwrite. A target is filled only when the source's \
            inline tags can all be placed in it; otherwise the match is offered as a candidate. Every filled \
            target is checked against the TM's stored glossary (or --glossary) and findings become notes.
            """
    )

    @Argument(help: ArgumentHelp("The job file (.xlf, .xliff, .po).", valueName: "file"))
    var file: String

    @OptionGroup var memory: MemoryOption

    @Option(help: ArgumentHelp("Where to write the pre-translated copy (- for standard output).", valueName: "file"))
    var to: String

    @Option(help: ArgumentHelp("The source language, when the file names none.", valueName: "lang"))
    var src: LanguageTag?

    @Option(help: ArgumentHelp("The target language, when the file names none.", valueName: "lang"))
    var tgt: LanguageTag?

    @Option(help: ArgumentHelp("The lowest score that fills a target (101 fills context matches only).", valueName: "score"))
    var fill = 100

    @Option(help: ArgumentHelp("The lowest score offered as a candidate.", valueName: "score"))
    var min = 70

    @Option(help: ArgumentHelp("Most candidates per segment.", valueName: "count"))
    var max = 3

    @Flag(help: "Replace targets that are already translated too.")
    var overwrite = false

    @Option(name: .customLong("glossary"), help: ArgumentHelp("Check filled targets against this glossary (default: the TM's stored glossary).", valueName: "file"))
    var glossaries: [String] = []

    @Flag(help: "Print what was done as JSON.")
    var json = false

    func validate() throws {
        guard (1...101).contains(fill) else { throw ValidationError("--fill must be between 1 and 101") }
        guard (1...100).contains(min) else { throw ValidationError("--min must be between 1 and 100") }
        guard max >= 1 else { throw ValidationError("--max must be at least 1") }
        guard to != file else { throw ValidationError("--to must name a new file, not the job file itself") }
    }

    func run() throws {
        try Terminal.reportingErrors(.pretranslate) {
            let tm = try memory.open()
            let glossary = glossaries.isEmpty ? try GlossaryStore.load(from: tm) : try GlossaryFile.read(paths: glossaries)
            let document = try JobDocument.read(path: file, sourceLanguage: src, targetLanguage: tgt)
            let options = PretranslateOptions(fill: fill, minimum: min, maximumCandidates: max, overwrite: overwrite,
                                              glossary: glossary.concepts.isEmpty ? nil : glossary)
            let matcher = try Matcher(memory: tm)
            try IndexCatchUp.run(matcher.index)
            let (fills, report) = try Pretranslator(matcher: matcher, options: options).fills(for: document)
            try document.write(fills: fills, to: to)
            if json { return try Terminal.printJSON(report) }
            guard to != "-" else { return }
            let filled = report.filled.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            print("Pre-translated \(report.segments.counted("segment")) of \(file) into \(to):")
            print("  filled: \(report.filledTotal)" + (filled.isEmpty ? "" : " (\(filled))"))
            print("  candidates only: \(report.candidatesOnly)" + (report.codesNotPlaced > 0 ? " (\(report.codesNotPlaced) reached --fill but their inline tags could not be placed)" : ""))
            print("  no match at or above \(Swift.min(min, fill))%: \(report.noMatch)")
            if report.keptTranslated > 0 { print("  already translated, left alone: \(report.keptTranslated) (--overwrite replaces them)") }
            if report.glossaryNotes > 0 { print("  glossary findings written as notes: \(report.glossaryNotes)") }
        }
    }
}
