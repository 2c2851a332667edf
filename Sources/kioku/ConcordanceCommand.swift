import ArgumentParser
import KiokuMatch
import KiokuMemory
import KiokuText

struct ConcordanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concordance",
        abstract: "Find a word or phrase in the segments of a TM, with the hits marked.",
        discussion: """
            English and Russian match by stem (Владивосток finds Владивостоке, island finds islands); \
            Japanese by substring. Searches the segments in --lang; shows each unit's other languages.
            """
    )

    @Argument(help: ArgumentHelp("The word or phrase.", valueName: "phrase"))
    var phrase: String

    @OptionGroup var memory: MemoryOption

    @Option(help: ArgumentHelp("The language of the segments to search.", valueName: "lang"))
    var lang: LanguageTag

    @Option(help: ArgumentHelp("Most hits shown.", valueName: "count"))
    var max = 20

    @Flag(help: "Print the hits as JSON.")
    var json = false

    func run() throws {
        try Terminal.reportingErrors(.concordance) {
            let tm = try memory.open()
            let concordance = try Concordance(memory: tm)
            try IndexCatchUp.run(concordance.index)
            let hits = try concordance.search(phrase, language: lang, limit: max)
            if json { return try Terminal.printJSON(hits) }
            if hits.isEmpty { print("No segment in \(lang) contains \"\(phrase)\"."); return }
            for hit in hits {
                print("unit \(hit.unitID)  \(hit.language): \(Self.mark(hit))")
                for (language, text) in hit.translations.sorted(by: { $0.key < $1.key }) { print("    \(language): \(text)") }
            }
        }
    }

    /// The text with each occurrence between ⟦ and ⟧.
    static func mark(_ hit: ConcordanceHit) -> String {
        var characters = Array(hit.text)
        for range in hit.highlights.sorted(by: { $0.start > $1.start }) {
            characters.insert("⟧", at: range.start + range.length)
            characters.insert("⟦", at: range.start)
        }
        return String(characters)
    }
}
