import Foundation
import KiokuFormats
import KiokuMatch
import KiokuMemory
import KiokuText

/// Deletes and edits at random in a TM, then checks that the index answers as a scan of
/// the units does (issue 13): `changes` changes in batches of 100 (half deletions, half edits;
/// of the edits, two in three give a unit's source the text of a query — so lookups meet
/// edited units — and one in three change its target), the time the changes and the index's
/// catching up take, then `check` queries at `--min 50` and `--min 75`, indexed against exhaustive.
///
///   kioku-bench churn TM QUERIES.tsv --src en --tgt ru [--changes 10000] [--check 300] [--seed 1]
struct ChurnBenchmark {
    let tmPath: String
    let queriesPath: String
    let source: LanguageTag
    let target: LanguageTag
    let changes: Int
    let checks: Int
    let seed: UInt64

    init(arguments: [String]) {
        let options = Arguments(arguments)
        (tmPath, queriesPath) = (arguments[1], arguments[2])
        (source, target) = (options.language("--src", .english), options.language("--tgt", .russian))
        (changes, checks) = (options.integer("--changes", 10_000), options.integer("--check", 300))
        seed = UInt64(options.integer("--seed", 1))
    }

    /// A small seeded generator: every run makes the same changes.
    struct Generator {
        var state: UInt64
        mutating func below(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    func run() throws {
        let queries = try String(contentsOfFile: queriesPath, encoding: .utf8).split(separator: "\n")
            .map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[0]) }
        let tm = try TranslationMemory(path: tmPath, create: false)
        let matcher = try Matcher(memory: tm)
        _ = try matcher.lookup(queries[0], from: source, to: target)  // the index loaded before the changes
        let latest = try tm.revision().latestUnit.rawValue
        var random = Generator(state: seed)
        let stamp = ChangeStamp(date: "20261127T120000Z", user: "churn")
        var deleted = 0, edited = 0
        let start = Date()
        var done = 0
        while done < changes {
            let batch = min(100, changes - done)
            var doomed: [UnitID] = []
            for _ in 0..<batch {
                let id = UnitID(Int64(random.below(Int(latest)) + 1))
                if random.below(2) == 0 { doomed.append(id); continue }
                let editSource = random.below(3) > 0
                let text = editSource ? queries[random.below(queries.count)] : "Исправленный перевод номер \(done)."
                guard try tm.unit(id) != nil else { continue }  // deleted earlier: nothing to edit
                if try tm.editVariant(of: id, language: editSource ? source : target, to: Segment(text: text), stamp: stamp).changed { edited += 1 }
            }
            deleted += try tm.deleteUnits(doomed, stamp: stamp).count
            done += batch
        }
        let changeSeconds = Date().timeIntervalSince(start)
        let catchUp = Date()
        let report = try matcher.index.update()
        let catchUpSeconds = Date().timeIntervalSince(catchUp)
        print(String(format: "churn %@: %d deletions and %d edits (%d asked) in %.2f s (%.0f/s, batches of 100 deletions and single edits); index caught up in %.2f s (%d documents re-read); units now %d",
                     (tmPath as NSString).lastPathComponent, deleted, edited, changes, changeSeconds, Double(deleted + edited) / changeSeconds,
                     catchUpSeconds, report.documentsAdded, try tm.unitCount()))
        var mismatches = 0, compared = 0, nonEmpty = 0
        for minimum in [50, 75] {
            for number in 0..<min(checks, queries.count) {
                let query = queries[(number * 7919) % queries.count]
                let indexed = try matcher.lookup(query, from: source, to: target, options: LookupOptions(minimumScore: minimum, maximumResults: 10))
                let scanned = try matcher.lookup(query, from: source, to: target,
                                                 options: LookupOptions(minimumScore: minimum, maximumResults: 10, exhaustive: true))
                compared += 1
                if !indexed.isEmpty { nonEmpty += 1 }
                if indexed != scanned {
                    mismatches += 1
                    if mismatches <= 3 { print("  MISMATCH --min \(minimum): \(query)\n    index: \(indexed.map { "\($0.unitID) \($0.score)" })\n    scan:  \(scanned.map { "\($0.unitID) \($0.score)" })") }
                }
            }
        }
        print("  exactness: \(compared) lookups (--min 50 and 75, --max 10), index against a scan of every unit: \(compared - mismatches) identical, \(mismatches) different; \(nonEmpty) had matches")
    }
}
