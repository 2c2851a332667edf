import Foundation
import ArgumentParser
import KiokuFormats
import KiokuMemory
import KiokuText

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a translation memory out as TMX 1.4b, XLIFF 1.2 or TSV.",
        discussion: """
            TMX keeps everything (inline codes, notes, properties, dates). XLIFF 1.2 holds one pair \
            (--langs SOURCE,TARGET) with inline codes, notes and context, for tools that read XLIFF. \
            TSV keeps plain text only.
            """
    )

    @OptionGroup var memory: MemoryOption

    @Option(help: ArgumentHelp("The file to write (- for standard output).", valueName: "file"))
    var to: String

    @Option(help: ArgumentHelp("Only these languages, e.g. en,ru; units with fewer than two are left out.", valueName: "list"), completion: LanguageList.completion, transform: LanguageList.parse)
    var langs: LanguageList?

    @Option(help: ArgumentHelp("The format to write (default: TSV for a .tsv name, XLIFF for .xlf or .xliff, else TMX).", valueName: "format"))
    var format: ExportFormat?

    @Flag(help: "Print what was written as JSON.")
    var json = false

    private struct Summary: Encodable {
        var file: String
        var format: String
        var units: Int
        var languages: [String]?
    }

    func validate() throws {
        if format ?? ExportFormat(path: to) == .xliff, langs?.tags.count != 2 || langs?.tags.first == langs?.tags.last {
            throw ValidationError("XLIFF holds one language pair: name it with --langs, source first (e.g. --langs en,ru)")
        }
    }

    func run() throws {
        let languages = langs?.tags
        let chosen = format ?? ExportFormat(path: to)
        try Terminal.reportingErrors(.export) {
            let tm = try memory.open()
            let writer: any UnitWriter
            switch chosen {
            case .tmx:
                writer = try TMXWriter(path: to, sourceLanguage: languages?.first ?? tm.dominantSourceLanguage())
            case .xliff:
                let pair = languages ?? []
                writer = try XLIFFWriter(path: to, source: pair[0], target: pair[1], original: URL(fileURLWithPath: memory.location).lastPathComponent)
            case .tsv:
                let columns = try languages ?? tm.statistics().languages.compactMap { LanguageTag($0.language) }
                writer = try TSVWriter(path: to, languages: columns)
            }
            let count = try tm.export(to: writer, languages: languages)
            if json, to != "-" {
                try Terminal.printJSON(Summary(file: to, format: chosen.rawValue, units: count, languages: languages?.map(\.identifier)))
            } else if to != "-" {
                print("Exported \(count.counted("unit")) to \(to)")
            }
        }
    }
}
