import Foundation
import KiokuText

/// gen_corpus.py writes queries for the source column only; lookups in the other
/// direction (Japanese → English, scored by character) need queries from the target
/// column. Built the same way, reproducibly (fixed seed): half derived from a random
/// line with 0–4 edits, half fresh sentences from a corpus generated with another seed.
enum TargetQueries {
    struct Random {
        var state: UInt64 = 20_161_203
        mutating func below(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func write(corpus: String, fresh: String, output: String, count: Int) throws {
        func targets(_ path: String) throws -> [String] {
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
                String(line.split(separator: "\t", omittingEmptySubsequences: false).dropFirst().first ?? "")
            }
        }
        let lines = try targets(corpus)
        let others = try targets(fresh)
        let japanese = lines.prefix(1000).contains { $0.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) } }
        var random = Random()
        var alphabet: [String] = []
        for line in lines.prefix(2000) {
            alphabet += japanese ? line.map(String.init) : line.split(separator: " ").map(String.init)
        }
        var out = ""
        for _ in 0..<count {
            if random.below(2) == 0 {
                let index = random.below(lines.count)
                var tokens = japanese ? lines[index].map(String.init) : lines[index].split(separator: " ").map(String.init)
                let edits = random.below(5)
                for _ in 0..<edits where !tokens.isEmpty {
                    let position = random.below(tokens.count)
                    switch random.below(4) {
                    case 0, 1: tokens[position] = alphabet[random.below(alphabet.count)]
                    case 2: tokens.insert(alphabet[random.below(alphabet.count)], at: position)
                    default: if tokens.count > 3 { tokens.remove(at: position) }
                    }
                }
                out += tokens.joined(separator: japanese ? "" : " ") + "\t\(index + 1)\t\(edits)\n"
            } else {
                out += others[random.below(others.count)] + "\t-1\t-1\n"
            }
        }
        try out.write(toFile: output, atomically: true, encoding: .utf8)
        print("wrote \(count) target-side queries to \(output)")
    }
}
