import ArgumentParser

@main
struct Kioku: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kioku",
        abstract: "Kioku (記憶): a translation memory for English, Russian and Japanese.",
        discussion: """
            Import aligned segments (TMX, TSV/CSV, Moses, XLIFF, PO) into an SQLite TM, or align a document \
            with its translation into one (text, Markdown, HTML, Word); analyze and pre-translate \
            XLIFF and PO jobs from it; look sentences up \
            (fuzzy match, concordance), check translations against a glossary of names and places, \
            export the TM, and serve it over HTTP. `kioku help COMMAND` describes each command.
            """,
        version: "0.1.0",
        subcommands: [ImportCommand.self, AlignCommand.self, AnalyzeCommand.self, PretranslateCommand.self, LookupCommand.self, ConcordanceCommand.self, CheckCommand.self, GlossaryCommand.self, ExportCommand.self, StatsCommand.self, VerifyCommand.self, QACommand.self, DeleteCommand.self, EditCommand.self, ShowCommand.self, CompactCommand.self, ReindexCommand.self, CopyCommand.self, ServeCommand.self]
    )
}
