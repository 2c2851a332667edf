import Foundation
import KiokuMatch
import KiokuMemory
import KiokuPostgres
import KiokuText

/// Lookup latency over a gen_corpus.py query file: open + first lookup, then every query
/// timed alone (p50/p90/p99/max), the share of derived queries (≤ 2 edits) whose source
/// line (or an identical text) comes first, and the exhaustive scan on a sample as baseline.
struct LookupBenchmark {
    let tmPath: String
    let queriesPath: String
    let source: LanguageTag
    let target: LanguageTag
    let minimum: Int
    let maximum: Int
    let exhaustiveSample: Int
    let corpusPath: String?
    /// One core per lookup (no split of a large search between the two).
    let serial: Bool
    /// Which column of the corpus the queries were derived from (0 source, 1 target).
    let column: Int

    init(arguments: [String]) {
        let value = Arguments(arguments).value
        tmPath = arguments[1]
        queriesPath = arguments[2]
        let options = Arguments(arguments)
        (source, target) = (options.language("--src", .english), options.language("--tgt", .russian))
        (minimum, maximum) = (options.integer("--min", 50), options.integer("--max", 5))
        exhaustiveSample = options.integer("--exhaustive", 0)
        serial = arguments.contains("--serial")
        column = arguments.contains("--target-side") ? 1 : 0
        corpusPath = value("--corpus")
    }

    func run() throws {
        let queries = try String(contentsOfFile: queriesPath, encoding: .utf8).split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return (text: String(fields[0]), line: Int(fields.count > 1 ? fields[1] : "-1") ?? -1, edits: Int(fields.count > 2 ? fields[2] : "-1") ?? -1)
        }
        let openStart = Date()
        let tm = try MemoryLocation.open(tmPath)
        let matcher = try Matcher(memory: tm)
        let options = LookupOptions(minimumScore: minimum, maximumResults: maximum, parallel: !serial)
        _ = try matcher.lookup(queries[0].text, from: source, to: target, options: options)
        let openSeconds = Date().timeIntervalSince(openStart)

        // The texts of the lines the derived queries came from (to accept identical-text duplicates),
        // read line by line: only those lines are kept.
        var lineText: [Int: String] = [:]
        if let corpusPath, let file = fopen(corpusPath, "r") {
            defer { fclose(file) }
            let wanted = Set(queries.map(\.line).filter { $0 > 0 })
            var buffer: UnsafeMutablePointer<CChar>?
            var capacity = 0
            var number = 0
            while getline(&buffer, &capacity, file) > 0 {
                number += 1
                guard wanted.contains(number), let buffer else { continue }
                let line = String(cString: buffer).trimmingCharacters(in: .newlines)
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                lineText[number] = String(fields.count > column ? fields[column] : "")
            }
            free(buffer)
        }

        // Warm-up: 100 lookups, not counted (a serving TM has its pages in memory).
        for query in queries.suffix(100) { _ = try matcher.lookup(query.text, from: source, to: target, options: options) }

        // read once: building the environment's dictionary between two timed lookups cost a tenth of a
        // 100k run's samples and evicted what the next lookup would have found in the cache
        let slowReport = ProcessInfo.processInfo.environment["KIOKU_BENCH_SLOW"].map { Double($0) ?? 2 }
        let verbose = ProcessInfo.processInfo.environment["KIOKU_BENCH_VERBOSE"] != nil
        var latencies: [Double] = []
        var derived = 0, found = 0
        for query in queries {
            let start = DispatchTime.now().uptimeNanoseconds
            let matches = try matcher.lookup(query.text, from: source, to: target, options: options)
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            if let slow = slowReport, latencies.last! > slow {
                print(String(format: "SLOW %.2f ms, %d matches, top %d: %@", latencies.last!, matches.count, matches.first?.score ?? 0, query.text))
            }
            // only with --corpus, which gives the lines a derived query should find
            if corpusPath != nil, query.line > 0, (0...2).contains(query.edits) {
                derived += 1
                if let top = matches.first, top.source == lineText[query.line] {
                    found += 1
                } else if verbose {
                    print("MISS edits=\(query.edits) query: \(query.text)\n  want: \(lineText[query.line] ?? "?")")
                    for match in matches { print("  got \(match.score) #\(match.unitID): \(match.source)") }
                }
            }
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        print(String(format: "lookup %@ %@→%@ --min %d --max %d%@: %d queries; open + first lookup %.3f s; mean %.3f ms, p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms; peak RSS %.0f MB",
                     (tmPath as NSString).lastPathComponent, source.identifier, target.identifier, minimum, maximum, serial ? " (one core)" : "", queries.count,
                     openSeconds, latencies.reduce(0, +) / Double(max(1, latencies.count)), percentile(0.5), percentile(0.9), percentile(0.99), latencies.last ?? 0, peakRSSMegabytes()))
        if derived > 0, corpusPath != nil {
            print(String(format: "  quality: %d of %d derived queries with ≤ 2 edits have their source line (or identical text) first = %.1f%%",
                         found, derived, 100 * Double(found) / Double(derived)))
        }
        if exhaustiveSample > 0 {
            let exhaustive = LookupOptions(minimumScore: minimum, maximumResults: maximum, exhaustive: true)
            var times: [Double] = []
            var same = 0
            for query in queries.prefix(exhaustiveSample) {
                let start = DispatchTime.now().uptimeNanoseconds
                let slow = try matcher.lookup(query.text, from: source, to: target, options: exhaustive)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                let fast = try matcher.lookup(query.text, from: source, to: target, options: options)
                if slow == fast { same += 1 }
            }
            times.sort()
            let median = times[times.count / 2]
            print(String(format: "  exhaustive scan (first %d queries): p50 %.0f ms = %.0f× the indexed p50; identical results for %d of %d",
                         times.count, median, median / percentile(0.5), same, times.count))
        }
    }
}
