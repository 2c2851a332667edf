import ArgumentParser
import Foundation
import KiokuMatch
import KiokuMemory
import KiokuText

struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete units from a TM: by id, every unit one import added, or every unit a phrase finds.",
        discussion: """
            One transaction: every selected unit goes, or none does. From the moment the command returns, \
            no lookup, concordance, check, export, statistic or server answers with them. --dry-run lists \
            what would go and deletes nothing. --origin undoes an import: it takes the units that import \
            added (the path as `kioku stats` lists it); units it only merged into were there before and stay.
            """
    )

    @OptionGroup var memory: MemoryOption

    @Option(name: .customLong("id"), parsing: .upToNextOption, help: ArgumentHelp("Units by id (several: --id 3 7 12).", valueName: "id"))
    var ids: [Int64] = []

    @Option(name: .customLong("ids-from"), help: ArgumentHelp("Units by id, read from a file (ids separated by spaces, commas or lines; - reads standard input).", valueName: "file"))
    var idsFrom: String?

    @Option(help: ArgumentHelp("Every unit imported from this file (as `kioku stats` lists origins).", valueName: "file"))
    var origin: String?

    @Option(help: ArgumentHelp("Every unit whose segment in --lang contains this word or phrase (as `kioku concordance` finds it).", valueName: "phrase"))
    var concordance: String?

    @Option(help: ArgumentHelp("With --concordance: the language searched.", valueName: "lang"))
    var lang: LanguageTag?

    @Flag(help: "List what would be deleted; delete nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("Most units listed (with --dry-run, or after deleting).", valueName: "count"))
    var show = 20

    @Option(help: ArgumentHelp("Who deletes, for the change log (default: $USER).", valueName: "name"))
    var user: String?

    @Flag(help: "Print the outcome as JSON.")
    var json = false

    func validate() throws {
        let chosen = [!ids.isEmpty || idsFrom != nil, origin != nil, concordance != nil].filter { $0 }.count
        if chosen != 1 { throw ValidationError("choose the units with exactly one of --id (or --ids-from), --origin or --concordance") }
        if concordance != nil, lang == nil { throw ValidationError("--concordance needs --lang, the language of the segments to search") }
        if ids.contains(where: { $0 < 1 }) { throw ValidationError("unit ids are positive numbers") }
        if show < 0 { throw ValidationError("--show must be 0 or more") }
    }

    /// What a deletion did, for --json.
    struct Outcome: Codable {
        var dryRun: Bool
        var deleted: [UnitID]
        var notFound: [UnitID]
        var units: [StoredUnit]
    }

    func run() throws {
        try Terminal.reportingErrors(.edit) {
            let tm = try memory.open()
            let asked = ids.map { UnitID($0) } + (try idsFrom.map(readIDs) ?? [])
            let selection: UnitSelection = if let origin { .origin(origin) }
                else if let concordance, let lang { .concordance(phrase: concordance, language: lang) }
                else { .ids(asked) }
            let selected = try selection.units(in: tm)
            let notFound = Set(asked).subtracting(selected).sorted()
            if case .origin(let path) = selection, selected.isEmpty {
                try explainUnknownOrigin(path, tm)
            }
            let listed = try selected.prefix(show).compactMap { id throws(MemoryError) in try tm.unit(id) }
            var outcome = Outcome(dryRun: dryRun, deleted: [], notFound: notFound, units: listed)
            var afterwards: MemoryError?
            if !dryRun, !selected.isEmpty {
                outcome.deleted = try tm.deleteUnits(selected, stamp: .now(by: user ?? ProcessInfo.processInfo.environment["USER"]))
                afterwards = CommittedWrite.finish(tm)
            }
            if json { try Terminal.printJSON(outcome) } else { printOutcome(outcome, selected: selected.count) }
            if let afterwards {
                Terminal.warning(ErrorAdvice.afterCommit(afterwards, path: memory.location, what: "the units are deleted from", finishing: "the deletion (folding the write-ahead log into the file)"))
            }
        }
    }

    private func printOutcome(_ outcome: Outcome, selected: Int) {
        for id in outcome.notFound.prefix(20) { print("no unit \(id) (never added, or deleted already)") }
        if outcome.notFound.count > 20 { print("… and \(outcome.notFound.count - 20) more ids with no unit (--json lists them)") }
        if selected == 0 { print("Nothing to delete in \(memory.location)."); return }
        print(dryRun ? "Would delete \(selected.counted("unit")) from \(memory.location) (--dry-run: nothing was deleted):"
                     : "Deleted \(outcome.deleted.count.counted("unit")) from \(memory.location):")
        for stored in outcome.units {
            let texts = stored.unit.variants.map { variant in
                let text = variant.segment.text
                return "\(variant.language): " + (text.count > 70 ? text.prefix(69) + "…" : text)
            }.joined(separator: " | ")
            print("  unit \(stored.id)  \(texts)")
        }
        if selected > outcome.units.count { print("  … and \((selected - outcome.units.count).formatted()) more (--show N lists more)") }
    }

    /// The ids in a file (or standard input), or exit status 2 naming the line that is not one.
    private func readIDs(_ path: String) throws -> [UnitID] {
        let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
        guard let data else {
            Terminal.error("cannot read \(path); nothing was deleted. Give a file of unit ids, one a line.")
            throw ExitCode(2)
        }
        do throws(UnitIDList.Problem) {
            return try UnitIDList.parse(String(decoding: data, as: UTF8.self))
        } catch {
            Terminal.error("\(path):\(error.line): \"\(error.word)\" is not a unit id; nothing was deleted. Write positive numbers separated by spaces, commas or lines.")
            throw ExitCode(2)
        }
    }

    /// An origin no unit came from: say which the TM has (a path given differently than at import, say).
    private func explainUnknownOrigin(_ path: String, _ tm: any MemoryStore) throws {
        let origins = try tm.statistics().origins.map(\.path)
        guard !origins.contains(path) else { return }
        let known = origins.isEmpty ? "it records none" : "its origins are: " + origins.prefix(10).joined(separator: ", ")
        Terminal.error("\(memory.location) has no units from \(path); \(known). Give the path as kioku stats \(ErrorAdvice.memoryOption(memory.location)) lists it.")
        throw ExitCode(2)
    }
}
