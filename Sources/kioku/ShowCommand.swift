import ArgumentParser
import KiokuFormats
import KiokuMemory

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one unit: its variants, metadata, origin and the history of its edits."
    )

    @OptionGroup var memory: MemoryOption

    @Option(help: ArgumentHelp("The unit.", valueName: "id"))
    var id: Int64

    @Flag(help: "Print the unit as JSON.")
    var json = false

    /// A unit with its history, for --json.
    struct Shown: Codable {
        var unit: StoredUnit
        var history: [VariantRevision]
    }

    func run() throws {
        try Terminal.reportingErrors(.lookup) {
            let tm = try memory.open()
            guard let stored = try tm.unit(UnitID(id)) else { throw MemoryError.noSuchUnit(path: memory.location, id: UnitID(id)) }
            let history = try tm.history(of: stored.id)
            if json { return try Terminal.printJSON(Shown(unit: stored, history: history)) }
            print("unit \(stored.id)" + (stored.origin.map { "  from \($0)" } ?? ""))
            let metadata = stored.unit.metadata
            if let date = metadata.creationDate { print("  created \(date)" + (metadata.creationUser.map { " by \($0)" } ?? "")) }
            if let date = metadata.changeDate { print("  changed \(date)" + (metadata.changeUser.map { " by \($0)" } ?? "")) }
            for note in metadata.notes { print("  note: \(note.text)") }
            for property in metadata.properties { print("  \(property.type): \(property.value)") }
            for variant in stored.unit.variants { print("  \(variant.language): \(variant.segment.text)") }
            if !history.isEmpty { print("history (oldest first):") }
            for entry in history {
                print("  \(entry.replaced.date)" + (entry.replaced.user.map { " by \($0)" } ?? "") + ", \(entry.language) was: \(entry.text)")
            }
        }
    }
}
