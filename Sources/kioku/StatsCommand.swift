import ArgumentParser
import KiokuMemory

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show what a translation memory holds: units, languages, pairs, origins, size."
    )

    @OptionGroup var memory: MemoryOption

    @Flag(help: "Print the statistics as JSON.")
    var json = false

    func run() throws {
        try Terminal.reportingErrors(.stats) {
            let stats = try memory.open().statistics()
            if json { return try Terminal.printJSON(stats) }
            print("\(stats.path): \(stats.units.counted("unit")), \(stats.segments.counted("segment")), \(byteCount(stats.fileBytes))")
            print("Languages:")
            for language in stats.languages { print("  \(language.language.padding(8)) \(language.segments.counted("segment"))") }
            print("Pairs (each works in both directions):")
            for pair in stats.pairs { print("  \(pair.languages.joined(separator: " ↔ ").padding(16)) \(pair.units.counted("unit"))") }
            if stats.unitsWithMarkup > 0 { print("Units with inline codes: \(stats.unitsWithMarkup.formatted())") }
            print("Origins:")
            for origin in stats.origins { print("  \(origin.path)  \(origin.units.counted("unit")) (imported \(origin.importedAt))") }
        }
    }

    private func byteCount(_ bytes: Int64) -> String {
        if bytes >= 1 << 20 { return "\((Double(bytes) / 1_048_576 * 10).rounded() / 10) MiB" }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
