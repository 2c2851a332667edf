import ArgumentParser
import KiokuFormats
import KiokuMemory
import KiokuText

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a translation memory out as TMX 1.4b or TSV.",
        discussion: "TMX keeps everything (inline codes, notes, properties, dates); TSV keeps plain text only."
    )

    @OptionGroup var memory: MemoryOption

    @Option(help: ArgumentHelp("The file to write (- for standard output).", valueName: "file"))
    var to: String

    @Option(help: ArgumentHelp("Only these languages, e.g. en,ru; units with fewer than two are left out.", valueName: "list"), completion: LanguageList.completion, transform: LanguageList.parse)
    var langs: LanguageList?

    @Option(help: ArgumentHelp("The format to write (default: TSV for a .tsv name, else TMX).", valueName: "format"))
    var format: ExportFormat?

    @Flag(help: "Print what was written as JSON.")
    var json = false

    private struct Summary: Encodable {
        var file: String
        var format: String
        var units: Int
        var languages: [String]?
    }

    func run() throws {
        let languages = langs?.tags
        let chosen = format ?? ExportFormat(path: to)
        try Terminal.reportingErrors(.export) {
            let tm = try TranslationMemory(path: memory.tm, create: false)
            let writer: any UnitWriter
            switch chosen {
            case .tmx:
                writer = try TMXWriter(path: to, sourceLanguage: languages?.first ?? tm.dominantSourceLanguage())
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
