import ArgumentParser

@main
struct Kioku: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kioku",
        abstract: "Kioku (記憶): a translation memory for English, Russian and Japanese.",
        discussion: """
            Import aligned segments from TMX, TSV/CSV, Moses or XLIFF into an SQLite TM,
            export them as TMX or TSV, and see what a TM holds.
            """,
        version: "0.1.0",
        subcommands: [ImportCommand.self, LookupCommand.self, ConcordanceCommand.self, CheckCommand.self, GlossaryCommand.self, ExportCommand.self, StatsCommand.self, ServeCommand.self]
    )
}
