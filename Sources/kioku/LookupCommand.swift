import ArgumentParser
import Foundation
import KiokuMatch
import KiokuMemory
import KiokuTerms
import KiokuText

struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Find the best earlier translations of a sentence (fuzzy match).",
        discussion: """
            Scores are 0–100 over words (characters for Japanese): 100 is identical, a difference only in \
            case, punctuation, spacing or numbers scores just below, and 101 means the unit's context \
            (previous segment) equals --context as well.

            With --batch, reads one query a line from FILE (- for standard input) and writes one JSON line per query.
            """
    )

    @Argument(help: ArgumentHelp("The sentence to look up (omit with --batch).", valueName: "text"))
    var text: String?

    @OptionGroup var memory: MemoryOption

    @Option(help: ArgumentHelp("The query's language.", valueName: "lang"))
    var src: LanguageTag

    @Option(help: ArgumentHelp("The language of the translations wanted.", valueName: "lang"))
    var tgt: LanguageTag

    @Option(help: ArgumentHelp("Lowest score shown (1–100).", valueName: "score"))
    var min = 70

    @Option(help: ArgumentHelp("Most matches shown.", valueName: "count"))
    var max = 5

    @Option(help: ArgumentHelp("The previous source segment; an identical match with the same context scores 101.", valueName: "text"))
    var context: String?

    @Option(help: ArgumentHelp("Queries from FILE, one a line (- for standard input); JSON lines out.", valueName: "file"))
    var batch: String?

    @Option(name: .customLong("glossary"), help: ArgumentHelp("Show the glossary terms the query needs and whether each match complies (default: the TM's stored glossary).", valueName: "file"))
    var glossaries: [String] = []

    @Flag(help: "Scan every unit instead of using the index (slow; for checking).")
    var exhaustive = false

    @Flag(help: "Print the matches as JSON.")
    var json = false

    func validate() throws {
        guard (1...100).contains(min) else { throw ValidationError("--min must be between 1 and 100") }
        guard max >= 1 else { throw ValidationError("--max must be at least 1") }
        guard (text == nil) != (batch == nil) else { throw ValidationError("give either a sentence or --batch FILE") }
    }

    func run() throws {
        try Terminal.reportingErrors(.lookup) {
            let tm = try memory.open()
            let matcher = try Matcher(memory: tm)
            try IndexCatchUp.run(matcher.index)
            let options = LookupOptions(minimumScore: min, maximumResults: max, context: context, exhaustive: exhaustive)
            if let batch {
                try requireLanguages(in: matcher)
                try runBatch(batch, matcher: matcher, options: options)
                return
            }
            let matches = try matcher.lookup(text ?? "", from: src, to: tgt, options: options)
            if matches.isEmpty { try requireLanguages(in: matcher) }
            let glossary = glossaries.isEmpty ? try GlossaryStore.load(from: tm) : try GlossarySource.load(files: glossaries, tm: nil)
            let annotation = glossary.concepts.isEmpty ? nil
                : GlossaryAnnotation(glossary: glossary, query: text ?? "", targets: matches.map { $0.adaptedTarget ?? $0.target },
                                     source: src, target: tgt)
            if json {
                return try Terminal.printJSON(LookupResult(matches: matches, glossary: annotation))
            }
            if let annotation, !annotation.requires.isEmpty {
                print("The query names: " + annotation.requires.map { "\($0.concept) → \($0.terms.joined(separator: " / "))" }.joined(separator: "; "))
            }
            if matches.isEmpty { print("No match at or above \(min)%."); return }
            for (index, match) in matches.enumerated() {
                print(MatchPrinter.render(match))
                if let problems = annotation?.matches[index].problems {
                    print(problems.isEmpty ? "  glossary: the target uses the required terms" : "  glossary: " + problems.joined(separator: "; "))
                }
            }
        }
    }

    /// Stops with exit status 2 when the TM holds no segments in --src or --tgt, saying which
    /// languages it does hold ("no match" would send the user looking for the wrong problem).
    private func requireLanguages(in matcher: Matcher) throws {
        let held = try matcher.index.languages()
        let absent = [src, tgt].filter { !held.contains($0.language) }
        guard !absent.isEmpty else { return }
        let holds = held.isEmpty ? "no segments at all" : "segments in " + held.joined(separator: ", ")
        Terminal.error("\(memory.location) has no \(absent.map(\.identifier).joined(separator: " or ")) segments; it holds \(holds).")
        throw ExitCode(2)
    }

    private struct BatchLine: Encodable {
        var query: String
        var matches: [FuzzyMatch]
        var took_ms: Double
    }

    private func runBatch(_ path: String, matcher: Matcher, options: LookupOptions) throws {
        let handle = path == "-" ? FileHandle.standardInput : try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = handle.readDataToEndOfFile()
        let text = String(decoding: data, as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let query = String(line.hasSuffix("\r") ? line.dropLast() : line)
            if query.isEmpty { continue }
            let start = DispatchTime.now().uptimeNanoseconds
            let matches = try matcher.lookup(query, from: src, to: tgt, options: options)
            let took = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            print(String(decoding: try encoder.encode(BatchLine(query: query, matches: matches, took_ms: took)), as: UTF8.self))
        }
    }
}

/// `kioku lookup --json`: the matches, and with a glossary what the query requires.
private struct LookupResult: Encodable {
    var matches: [FuzzyMatch]
    var glossary: GlossaryAnnotation?
}
