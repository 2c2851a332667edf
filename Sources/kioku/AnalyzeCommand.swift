import ArgumentParser
import Foundation
import KiokuFormats
import KiokuJobs
import KiokuMatch
import KiokuMemory
import KiokuText

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Count how much of a job the TM already covers (match bands, repetitions, words).",
        discussion: """
            Reads XLIFF 1.2/2.0 (.xlf, .xliff) and gettext PO (.po, .pot) files and classes every segment \
            by its best TM match: context match (101%: the previous segment matches too), repetitions \
            (seen earlier in the job), 100%, the fuzzy bands, no match. Counts segments, words (English, \
            Russian) and characters (the quote unit for Japanese). See docs/jobs.md for the counting rules.
            """
    )

    @Argument(help: ArgumentHelp("The job files.", valueName: "file"))
    var files: [String]

    @OptionGroup var memory: MemoryOption

    @Option(help: ArgumentHelp("The source language, when a file names none.", valueName: "lang"))
    var src: LanguageTag?

    @Option(help: ArgumentHelp("The target language, when a file names none.", valueName: "lang"))
    var tgt: LanguageTag?

    @Option(help: ArgumentHelp("The bands' lower bounds.", valueName: "list"))
    var bands = "100,95,85,75,50"

    @Flag(help: "Print the analysis as JSON (with every segment's band).")
    var json = false

    @Flag(help: "Print the analysis as CSV.")
    var csv = false

    @Option(help: ArgumentHelp("Also write an HTML report with a chart to FILE.", valueName: "file"))
    var html: String?

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one job file") }
        guard !(json && csv) else { throw ValidationError("choose --json or --csv, not both") }
    }

    func run() throws {
        try Terminal.reportingErrors(.analyze) {
            let definition = try MatchBands(parsing: bands)
            let tm = try memory.open()
            let documents = try files.map { path in try JobDocument.read(path: path, sourceLanguage: src, targetLanguage: tgt) }
            let matcher = try Matcher(memory: tm)
            try IndexCatchUp.run(matcher.index)
            let analysis = try JobAnalyzer(matcher: matcher, bands: definition).analyze(documents)
            if let html {
                let output = try TextOutput(path: html)
                try output.write(AnalysisReportPage(analysis: analysis, memoryName: (memory.location as NSString).lastPathComponent).html())
                try output.close()
            }
            if json { return try Terminal.printJSON(analysis) }
            if csv { return print(AnalysisCSV.render(analysis), terminator: "") }
            print(AnalysisTable.render(analysis), terminator: "")
            if let html { print("Report written to \(html).") }
        }
    }
}
