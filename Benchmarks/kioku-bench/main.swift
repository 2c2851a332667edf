// The benchmark driver (build with -c release). Each run measures one thing and
// prints one line of figures; Benchmarks/run.sh drives the whole set.
//
//   kioku-bench import FILE [--tm PATH] [--src L --tgt L] [--index [--read-back]]   import (and index) speed, peak RSS, TM size per segment
//   kioku-bench index TM                                    bring the fuzzy index up to date, timed
//   kioku-bench target-queries CORPUS FRESH OUT [N]         queries from the target column (for ja→en lookups)
//   kioku-bench lookup TM QUERIES --src L --tgt L --min N [--max N] [--serial] [--exhaustive N] [--corpus TSV [--target-side]]
//   kioku-bench check CORPUS GLOSSARY --src L --tgt L [--concepts N]  glossary check speed (N concepts, padded)
//   kioku-bench to-tmx IN.tsv OUT.tmx [--src L --tgt L] [--spread-dates]   convert a gen_corpus.py TSV into TMX 1.4b (dates: one for all, or spread)
//   kioku-bench read FILE [--src L --tgt L]                 parse only (no SQLite): the reader's own speed
//   kioku-bench align DIR OUT --src L --tgt L [...]         align the aligner test bed's documents (see AlignBenchmark)
//   (TM: a file, or a postgresql:// URL for the PostgreSQL store, in import, index and lookup)
//   kioku-bench churn TM QUERIES --src L --tgt L [--changes N] [--check N]   random deletions and edits, then index against scan
import Foundation
import KiokuFormats
import KiokuMatch
import KiokuMemory
import KiokuPostgres
import KiokuText

func peakRSSMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return 0 }
    let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    return kilobytes / 1024
}

func fileSize(_ path: String) -> Int64 {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("kioku-bench: \(message)\n".utf8))
    exit(2)
}

let arguments = Array(CommandLine.arguments.dropFirst())

/// `--src LANG` / `--tgt LANG` name the columns of a headerless TSV (gen_corpus.py writes none).
func languageOption(_ name: String) -> LanguageTag? {
    Arguments(arguments).value(name).flatMap(LanguageTag.init)
}
let source = languageOption("--src")
let target = languageOption("--tgt")
guard let command = arguments.first else {
    fail("usage: kioku-bench import FILE [--tm PATH] | to-tmx IN.tsv OUT.tmx | read FILE")
}

do {
    switch command {
    case "import":
        guard arguments.count >= 2 else { fail("usage: kioku-bench import FILE [--tm PATH]") }
        let file = arguments[1]
        let tmPath = arguments.firstIndex(of: "--tm").map { arguments[$0 + 1] }
            ?? NSTemporaryDirectory() + "kioku-bench-\(getpid()).kioku"
        if !PostgresAddress.isAddress(tmPath) {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: tmPath + suffix) }
        }
        let tm = try MemoryLocation.open(tmPath, create: true)
        let start = Date()
        // With --index, the units are tokenized while they are imported and the index is saved
        // after the commit, as `kioku import` does (`IndexedWrite`); --read-back indexes them
        // afterwards from the store instead (the way before).
        let indexing = arguments.contains("--index")
        let reader = try UnitReaders.open(path: file, sourceLanguage: source, targetLanguage: target)
        let sources = [ImportSource(origin: file, reader: reader)]
        var committed = 0.0
        var indexSeconds = 0.0
        var segmentsIndexed: Int?
        let report: ImportReport
        if indexing && !arguments.contains("--read-back") {
            let outcome = try IndexedWrite.run(into: tm) { inserted throws(MemoryError) in
                try tm.importUnits(from: sources, options: ImportOptions(inserted: inserted))
            } committed: { _ in
                committed = Date().timeIntervalSince(start)
            }
            if let problem = outcome.afterCommit { throw problem }
            report = outcome.report
            indexSeconds = outcome.indexing?.seconds ?? 0
            segmentsIndexed = outcome.indexing?.documentsAdded
        } else {
            report = try tm.withSoleAccess { () throws(MemoryError) -> ImportReport in
                let report = try tm.importUnits(from: sources)
                committed = Date().timeIntervalSince(start)
                if indexing { indexSeconds = try FuzzyIndex(memory: tm).update().seconds }
                try tm.checkpoint()
                return report
            }
        }
        let seconds = Date().timeIntervalSince(start)
        let importRSS = peakRSSMegabytes()
        // The segments of a new TM are the documents its index took: counting them in the TM
        // (`statistics()`) reads every variant again, 30 s at 10M.
        let statistics = segmentsIndexed == nil || PostgresAddress.isAddress(tmPath) ? try tm.statistics() : nil
        let bytes = statistics?.fileBytes ?? fileSize(tmPath)
        let segments = segmentsIndexed ?? statistics?.segments ?? 0
        let units = report.added + report.duplicates
        print(String(format: "import%@ %@: %d units (%d added, %d duplicates, %d skipped) in %.2f s (%.2f s to commit, %.2f s to index, %.2f s to checkpoint) = %.0f units/s; input %.0f MB; peak RSS %.0f MB; TM %.0f MB = %.0f bytes/segment",
                     indexSeconds > 0 ? " with index" : "", (file as NSString).lastPathComponent, units, report.added, report.duplicates,
                     report.skipped, seconds, committed, indexSeconds, seconds - committed - indexSeconds,
                     Double(units) / seconds, Double(fileSize(file)) / 1_048_576, importRSS,
                     Double(bytes) / 1_048_576, Double(bytes) / Double(max(segments, 1))))
        if arguments.firstIndex(of: "--tm") == nil {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: tmPath + suffix) }
        }
    case "align":
        try AlignBenchmark.run(arguments)
    case "read":
        guard arguments.count >= 2 else { fail("usage: kioku-bench read FILE [--src en --tgt ru]") }
        let start = Date()
        let reader = try UnitReaders.open(path: arguments[1], sourceLanguage: source, targetLanguage: target)
        var units = 0
        while let item = try reader.next() { if case .unit = item { units += 1 } }
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "read %@: %d units in %.2f s = %.0f units/s; peak RSS %.0f MB",
                     (arguments[1] as NSString).lastPathComponent, units, seconds, Double(units) / seconds, peakRSSMegabytes()))
    case "to-tmx":
        guard arguments.count >= 3 else { fail("usage: kioku-bench to-tmx IN.tsv OUT.tmx [--src en --tgt ru] [--spread-dates]") }
        let reader = try DelimitedReader(path: arguments[1], languages: [source ?? .english, target ?? .russian])
        let writer = try TMXWriter(path: arguments[2], sourceLanguage: reader.columns.first?.language)
        let spreadDates = arguments.contains("--spread-dates")
        var count = 0
        while let item = try reader.next() {
            if case .unit(var unit, _) = item {
                count += 1
                // --spread-dates: a different date for each unit (a TM from a CAT tool, where the
                // dates order equal matches), else one date for all
                if spreadDates {
                    let k = count &* 7_919
                    unit.metadata.creationDate = String(format: "%04d%02d%02dT%02d%02d%02dZ", 2015 + k % 10, 1 + k / 10 % 12, 1 + k / 120 % 28,
                                                        k / 3_360 % 24, k / 80_640 % 60, k % 60)
                } else {
                    unit.metadata.creationDate = "20260101T000000Z"
                }
                unit.metadata.attributes.append(XMLAttribute(name: "tuid", value: String(count)))
                try writer.write(unit)
            }
        }
        try writer.finish()
        print("wrote \(count) units to \(arguments[2])")
    case "index":
        // kioku-bench index TM: bring the fuzzy index up to date, timed
        let start = Date()
        let tm = try MemoryLocation.open(arguments[1])
        let report = try FuzzyIndex(memory: tm).update()
        print(String(format: "index %@: %d documents in %.2f s; peak RSS %.0f MB; TM now %.0f MB",
                     (arguments[1] as NSString).lastPathComponent, report.documentsAdded, Date().timeIntervalSince(start),
                     peakRSSMegabytes(), Double(fileSize(arguments[1])) / 1_048_576))
    case "target-queries":
        // kioku-bench target-queries CORPUS.tsv FRESH.tsv OUT.tsv [COUNT]: queries on the target side (column 2),
        // half derived from corpus lines with 0-4 character or word edits, half fresh lines of another corpus;
        // the same shape as gen_corpus.py's .queries.tsv (query, line or -1, edits or -1).
        try TargetQueries.write(corpus: arguments[1], fresh: arguments[2], output: arguments[3],
                                count: arguments.count > 4 ? Int(arguments[4]) ?? 1000 : 1000)
    case "check":
        // kioku-bench check CORPUS.tsv GLOSSARY.tsv --src en --tgt ru [--concepts 1000]
        try CheckBenchmark(arguments: arguments).run()
    case "churn":
        try ChurnBenchmark(arguments: arguments).run()
    case "lookup":
        // kioku-bench lookup TM QUERIES.tsv --src en --tgt ru --min 50 [--max 5] [--exhaustive N] [--first-only]
        try LookupBenchmark(arguments: arguments).run()
    default:
        fail("unknown command \(command)")
    }
} catch {
    fail("\(error)")
}
