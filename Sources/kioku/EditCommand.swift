import ArgumentParser
import Foundation
import KiokuFormats
import KiokuMemory
import KiokuText

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Correct the text of one variant of a unit.",
        discussion: """
            The unit keeps its id; its change date and user are set, the text it had goes to its history \
            (`kioku show --id N` lists it), and lookups find the new text at once. --lang names the variant: \
            `ru` finds the unit's only Russian variant (ru-RU, say). The new text is plain: inline codes the \
            variant had are dropped (the command says so).
            """
    )

    @OptionGroup var memory: MemoryOption

    @Option(help: ArgumentHelp("The unit.", valueName: "id"))
    var id: Int64

    @Option(help: ArgumentHelp("The language of the variant to change.", valueName: "lang"))
    var lang: LanguageTag

    @Option(help: ArgumentHelp("The new text.", valueName: "text"))
    var text: String

    @Option(help: ArgumentHelp("Who edits, for the history (default: $USER).", valueName: "name"))
    var user: String?

    @Flag(help: "Print the outcome as JSON.")
    var json = false

    func run() throws {
        try Terminal.reportingErrors(.edit) {
            let tm = try memory.open()
            let edit = try tm.editVariant(of: UnitID(id), language: lang, to: Segment(text: text),
                                          stamp: .now(by: user ?? ProcessInfo.processInfo.environment["USER"]))
            let afterwards = edit.changed ? CommittedWrite.finish(tm) : nil
            if json {
                try Terminal.printJSON(edit)
            } else if edit.changed {
                print("Unit \(id), \(edit.language): «\(edit.previous.text)» → «\(edit.current.text)»")
                if edit.previous.markup != nil { print("note: the previous text had inline codes; the new text has none") }
            } else {
                print("Unit \(id), \(edit.language) already reads «\(edit.current.text)»; nothing was changed.")
            }
            if let afterwards {
                Terminal.warning(ErrorAdvice.afterCommit(afterwards, path: memory.location, what: "the edit is in", finishing: "the edit (folding the write-ahead log into the file)"))
            }
        }
    }
}
