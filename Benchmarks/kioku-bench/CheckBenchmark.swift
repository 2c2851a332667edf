import Foundation
import KiokuFormats
import KiokuTerms
import KiokuText

/// Glossary-check speed: every unit of a corpus against a glossary padded to N concepts.
/// The padding concepts are two-word names made of the corpus's own capitalized words (so
/// they are found, and stems are exercised), with their target from a fixed word list:
/// the checker's work is real, not a dictionary miss.
struct CheckBenchmark {
    let corpus: String
    let glossaryPath: String
    let source: LanguageTag
    let target: LanguageTag
    let concepts: Int

    init(arguments: [String]) {
        let value = Arguments(arguments).value
        corpus = arguments[1]
        glossaryPath = arguments[2]
        source = value("--src").flatMap(LanguageTag.init) ?? .english
        target = value("--tgt").flatMap(LanguageTag.init) ?? .russian
        concepts = value("--concepts").flatMap(Int.init) ?? 1000
    }

    func run() throws {
        var glossary = try GlossaryFile.read(path: glossaryPath)
        // Padding: capitalized source words that follow each other in the corpus's first lines.
        let reader = try DelimitedReader(path: corpus, languages: [source, target])
        var pairs: [String] = []
        var seen = Set<String>()
        var sample = 0
        while glossary.concepts.count + pairs.count < concepts, sample < 200_000, let item = try reader.next() {
            sample += 1
            guard case .unit(let unit, _) = item, let text = unit.variant(source)?.segment.text else { continue }
            let words = text.split(separator: " ").map(String.init)
            for (a, b) in zip(words, words.dropFirst()) where a.first?.isUppercase == true && b.first?.isUppercase == true
                && a.allSatisfy(\.isLetter) && b.allSatisfy(\.isLetter) && seen.insert(a + " " + b).inserted {
                pairs.append(a + " " + b)
            }
        }
        for (index, name) in pairs.prefix(max(0, concepts - glossary.concepts.count)).enumerated() {
            glossary.concepts.append(Concept(id: "pad-\(index)", type: .other, terms: [
                Term(language: source, text: name),
                Term(language: target, text: target.scoringUnit == .character ? "名称\(index)" : "Имя\(index)"),
            ]))
        }
        let start = Date()
        let checker = UnitChecker(glossary: glossary, source: source, target: target, consistency: true)
        let units = try DelimitedReader(path: corpus, languages: [source, target])
        var count = 0
        while let item = try units.next() {
            if case .unit(let unit, let at) = item { checker.add(unit, location: at.description); count += 1 }
        }
        let report = checker.finish()
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "check %@ against %d concepts: %d units in %.2f s = %.0f units/s; %d errors, %d warnings (inconsistency included); peak RSS %.0f MB",
                     (corpus as NSString).lastPathComponent, glossary.concepts.count, count, seconds, Double(count) / seconds,
                     report.errors, report.warnings, peakRSSMegabytes()))
    }
}
