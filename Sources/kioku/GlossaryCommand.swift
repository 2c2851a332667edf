import ArgumentParser
import KiokuFormats
import KiokuMemory
import KiokuTerms
import KiokuText

struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Read, store and convert glossaries of names and places (TBX-Basic, TSV, CSV).",
        subcommands: [List.self, Import.self, Export.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the concepts of a glossary file or of the glossary stored in a TM.")

        @Argument(help: ArgumentHelp("Glossary files (.tbx, .tsv, .csv); none: the TM's.", valueName: "file"))
        var files: [String] = []

        @Option(help: ArgumentHelp("The TM whose stored glossary to show (a file or a postgresql:// URL).", valueName: "tm"))
        var tm: String?

        @Flag(help: "Print the glossary as JSON.")
        var json = false

        func run() throws {
            try Terminal.reportingErrors(.glossary) {
                let glossary = try GlossarySource.load(files: files, tm: tm)
                if json { return try Terminal.printJSON(glossary) }
                for concept in glossary.concepts {
                    print("\(concept.id)  (\(concept.type.rawValue))")
                    for term in concept.terms {
                        let marks = [term.status == .preferred ? nil : term.status.rawValue, term.caseSensitive ? "case-sensitive" : nil].compactMap { $0 }
                        print("    \(term.language.identifier.padding(5)) \(term.text)\(marks.isEmpty ? "" : "  [" + marks.joined(separator: ", ") + "]")")
                    }
                }
                print("\(glossary.concepts.count.counted("concept")), \(glossary.concepts.reduce(0) { $0 + $1.terms.count }.counted("term")) in \(glossary.languages.map(\.identifier).joined(separator: ", "))")
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Store glossaries in a TM, so checks and lookups on it use them.")

        @Argument(help: ArgumentHelp("Glossary files (.tbx, .tsv, .csv).", valueName: "file"))
        var files: [String]

        @OptionGroup var memory: MemoryOption

        func run() throws {
            try Terminal.reportingErrors(.glossary) {
                let glossary = try GlossarySource.load(files: files, tm: nil)
                let tm = try memory.open(create: true)
                let added = try GlossaryStore.save(glossary, into: tm)
                print("Stored \(glossary.concepts.count.counted("concept")) in \(memory.location) (\(added) new, \(glossary.concepts.count - added) replaced)")
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a glossary (a file's, or a TM's) as TBX-Basic or TSV.")

        @Argument(help: ArgumentHelp("Glossary files to convert; none: the TM's.", valueName: "file"))
        var files: [String] = []

        @Option(help: ArgumentHelp("The TM whose stored glossary to write (a file or a postgresql:// URL).", valueName: "tm"))
        var tm: String?

        @Option(help: ArgumentHelp("Where to write: .tbx for TBX-Basic, else TSV; - for standard output (TSV).", valueName: "file"))
        var to: String

        func run() throws {
            try Terminal.reportingErrors(.glossary) {
                let glossary = try GlossarySource.load(files: files, tm: tm)
                try GlossaryFile.write(glossary, to: to)
                if to != "-" { print("Wrote \(glossary.concepts.count.counted("concept")) to \(to)") }
            }
        }
    }
}
