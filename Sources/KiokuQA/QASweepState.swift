import Foundation
import KiokuFormats
import KiokuMemory
import KiokuTerms
import KiokuText

/// What a ``QASweep`` gathers while it reads the units: findings that one unit shows by itself,
/// and what the distribution checks (length, conflicts) and the glossary check need at the end.
struct QASweepState {
    let options: QASweep
    private var report = QAReport()
    /// Per language pair: each unit's log length ratio.
    private var ratios: [LanguagePair: [(ratio: Float, unit: Int64)]] = [:]
    /// Per (pair, source text): the units and the distinct targets met (by hash).
    private var sources: [Int: SourceGroup] = [:]
    private let checker: UnitChecker?

    struct SourceGroup {
        var pair: LanguagePair
        var units: [Int64]
        var firstTarget: Int
        var conflicting = false
    }

    init(options: QASweep) {
        self.options = options
        checker = options.kinds.contains(.glossary) ? options.glossary.map { UnitChecker(glossary: $0, consistency: false) } : nil
    }

    private func wants(_ kind: QAKind) -> Bool { options.kinds.contains(kind) }

    mutating func add(_ stored: StoredUnit) {
        report.unitsChecked += 1
        let unit = stored.unit
        let id = stored.id.rawValue
        guard let sourceLanguage = unit.sourceLanguage ?? unit.variants.first?.language,
              let source = unit.variant(sourceLanguage) else { return }
        checker?.add(unit, location: "unit \(id)")
        for target in unit.variants where target != source && target.language.primary != source.language.primary {
            report.pairsChecked += 1
            check(source, target, unit: id)
        }
    }

    private mutating func record(_ kind: QAKind, _ unit: Int64, _ source: Variant, _ target: Variant, _ detail: String) {
        report.findings.append(QAFinding(kind: kind, unit: unit, source: source.segment.text, target: target.segment.text,
                                         sourceLanguage: source.language, targetLanguage: target.language, detail: detail))
    }

    private mutating func check(_ source: Variant, _ target: Variant, unit: Int64) {
        let sourceText = source.segment.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let targetText = target.segment.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if sourceText.isEmpty || targetText.isEmpty {
            if wants(.empty) {
                let side = targetText.isEmpty ? target.language : source.language
                record(.empty, unit, source, target, "the \(side) text is empty")
            }
            return
        }
        let identical = sourceText == targetText && sourceText.unicodeScalars.contains(where: \.properties.isAlphabetic)
        if identical && wants(.identical) { record(.identical, unit, source, target, "the \(target.language) text is the \(source.language) text") }
        if wants(.numbers), let detail = Self.numberDifference(source, target) { record(.numbers, unit, source, target, detail) }
        if wants(.codes), let detail = Self.codeDifference(source, target) { record(.codes, unit, source, target, detail) }
        if !identical && wants(.script), let detail = Self.scriptProblem(target) { record(.script, unit, source, target, detail) }
        let pair = LanguagePair(source.language, target.language)
        if wants(.length), sourceText.count >= options.minimumSourceLength {
            ratios[pair, default: []].append((Float(log(Double(targetText.count) / Double(sourceText.count))), unit))
        }
        if wants(.conflict) {
            var key = Hasher()
            key.combine(pair)
            key.combine(Self.normalized(sourceText))
            let targetKey = Self.normalized(targetText).hashValue
            let slot = key.finalize()
            if var group = sources[slot] {
                group.units.append(unit)
                if group.firstTarget != targetKey { group.conflicting = true }
                sources[slot] = group
            } else {
                sources[slot] = SourceGroup(pair: pair, units: [unit], firstTarget: targetKey)
            }
        }
    }

    /// White space collapsed: two spellings of one sentence that differ only there are one.
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The values only one side has ("1956 ≠ 1965"), or nil when the numbers agree.
    static func numberDifference(_ source: Variant, _ target: Variant) -> String? {
        // Numerals written as words or as characters (三, 十五) are not read: a side with them
        // is not compared, rather than reported for a number it does have.
        func hasNumeralCharacters(_ text: String) -> Bool {
            text.unicodeScalars.contains { $0.properties.numericType == .numeric && $0.value >= 0x3000 }
        }
        guard !hasNumeralCharacters(source.segment.text), !hasNumeralCharacters(target.segment.text) else { return nil }
        func digits(_ variant: Variant) -> [Double] {
            NumberWords.abbreviatedScales(NumberReader(language: variant.language).numbers(in: Array(variant.segment.text.unicodeScalars)).map(\.value),
                                          in: variant.segment.text, language: variant.language)
        }
        let left = digits(source), right = digits(target)
        guard left.sorted() != right.sorted() else { return nil }
        // What one side has in digits and the other only spells out ("six hours", "6 часов") agrees.
        var onlyLeft = unmatched(left, right), onlyRight = unmatched(right, left)
        onlyLeft = unmatched(onlyLeft, NumberWords.values(in: target.segment.text, language: target.language))
        onlyRight = unmatched(onlyRight, NumberWords.values(in: source.segment.text, language: source.language))
        // "11:30 p.m." agrees with "23:30" (and "8pm" with "8 часов вечера", by the hour itself).
        func agree(_ hours: [(twelveHour: Double, twentyFourHour: Double)], _ mine: inout [Double], _ theirs: inout [Double]) {
            for hour in hours {
                guard let own = mine.firstIndex(of: hour.twelveHour), let other = theirs.firstIndex(of: hour.twentyFourHour) else { continue }
                mine.remove(at: own)
                theirs.remove(at: other)
            }
        }
        agree(NumberWords.afternoonHours(in: source.segment.text), &onlyLeft, &onlyRight)
        agree(NumberWords.afternoonHours(in: target.segment.text), &onlyRight, &onlyLeft)
        // A zero alone is the minutes of "20:00" against "8 p.m.", not a number anyone lost.
        onlyLeft.removeAll { $0 == 0 }
        onlyRight.removeAll { $0 == 0 }
        guard !onlyLeft.isEmpty || !onlyRight.isEmpty else { return nil }
        func list(_ values: [Double]) -> String { values.isEmpty ? "none" : values.map { NumberReader.Number(value: $0).key }.joined(separator: ", ") }
        return "\(source.language) has \(list(onlyLeft)), \(target.language) has \(list(onlyRight))"
    }

    /// The values of `values` that `others` lacks (as multisets).
    static func unmatched(_ values: [Double], _ others: [Double]) -> [Double] {
        var rest = others
        return values.filter { value in
            guard let index = rest.firstIndex(of: value) else { return true }
            rest.remove(at: index)
            return false
        }
    }

    /// The inline codes only one side has, or nil when both have the same kinds of code.
    static func codeDifference(_ source: Variant, _ target: Variant) -> String? {
        func kinds(_ variant: Variant) -> [String] { variant.segment.codes.map(\.element).sorted() }
        let left = kinds(source), right = kinds(target)
        guard left != right else { return nil }
        func list(_ codes: [String]) -> String { codes.isEmpty ? "no codes" : "\(codes.count) (\(codes.joined(separator: " ")))" }
        return "\(source.language) has \(list(left)), \(target.language) has \(list(right))"
    }

    /// Why a Russian or Japanese target is in the wrong script, or nil.
    static func scriptProblem(_ target: Variant) -> String? {
        guard let expected = Script.expected(for: target.language), expected != .latin else { return nil }
        var latin = 0
        for scalar in target.segment.text.unicodeScalars {
            switch Script.of(scalar) {
            case expected?: return nil
            case .latin?: latin += 1
            default: break
            }
        }
        guard latin >= 2 else { return nil }
        // Cyrillic saved as windows-1251 and read as Latin-1 ("Ðåöåíçèÿ"): say so, and what it says.
        if expected == .cyrillic, let bytes = target.segment.text.data(using: .isoLatin1),
           let repaired = String(data: bytes, encoding: .windowsCP1251), repaired.unicodeScalars.contains(where: { Script.of($0) == .cyrillic }) {
            return "mis-encoded: windows-1251 text read as Latin-1 («\(repaired.prefix(40))…»)"
        }
        return "a \(target.language) text in Latin letters only (no \(expected.rawValue) letter)"
    }

    mutating func finish(memory: any MemoryStore) throws(MemoryError) -> QAReport {
        if wants(.length) { try reportLengthOutliers(memory: memory) }
        if wants(.conflict) { try reportConflicts(memory: memory) }
        if let checker {
            for finding in checker.finish().findings where finding.severity == .error {
                guard let id = Int64(finding.location.dropFirst("unit ".count)) else { continue }
                let wanted = finding.expected.isEmpty ? "" : ": expected \(finding.expected.joined(separator: " or "))"
                let found = finding.found.isEmpty ? "" : ", found \(finding.found.joined(separator: ", "))"
                report.findings.append(QAFinding(kind: .glossary, unit: id, source: finding.source, target: finding.target,
                                                 sourceLanguage: finding.sourceLanguage, targetLanguage: finding.targetLanguage,
                                                 detail: "\(finding.kind.rawValue) \(finding.concept ?? "")\(wanted)\(found)"))
            }
        }
        report.findings.sort { ($0.kind, $0.unit, $0.targetLanguage) < ($1.kind, $1.unit, $1.targetLanguage) }
        return report
    }

    /// Ratios further from the pair's median than `lengthFactor` and than six robust standard
    /// deviations (1.4826 × the median absolute deviation) — both, so that a pair with a wide
    /// spread does not flag its ordinary units. The units picked are read again for their texts.
    private mutating func reportLengthOutliers(memory: any MemoryStore) throws(MemoryError) {
        for (pair, values) in ratios where values.count >= options.minimumPairsForLength {
            let sorted = values.map(\.ratio).sorted()
            let median = sorted[sorted.count / 2]
            let deviations = sorted.map { abs($0 - median) }.sorted()
            let limit = max(Float(log(options.lengthFactor)), 6 * 1.4826 * deviations[deviations.count / 2])
            for value in values where abs(value.ratio - median) > limit {
                guard let (source, target) = try variants(of: value.unit, pair: pair, memory: memory) else { continue }
                record(.length, value.unit, source, target,
                       String(format: "length ratio %.2f, the pair's median %.2f", exp(Double(value.ratio)), exp(Double(median))))
            }
        }
    }

    /// One finding per source with more than one target, on its first unit, the others related.
    private mutating func reportConflicts(memory: any MemoryStore) throws(MemoryError) {
        let groups = sources.values.filter(\.conflicting).sorted { $0.units[0] < $1.units[0] }
        for group in groups {
            var targets: [String] = []
            var first: (Variant, Variant)?
            for id in group.units {
                guard let (source, target) = try variants(of: id, pair: group.pair, memory: memory) else { continue }
                if first == nil { first = (source, target) }
                let text = Self.normalized(target.segment.text)
                if !targets.contains(text) { targets.append(text) }
            }
            guard let (source, target) = first, targets.count > 1 else { continue }
            report.findings.append(QAFinding(kind: .conflict, unit: group.units[0], source: source.segment.text, target: target.segment.text,
                                             sourceLanguage: source.language, targetLanguage: target.language,
                                             detail: "\(targets.count) different \(target.language) targets: " + targets.map { "«\($0)»" }.joined(separator: " / "),
                                             relatedUnits: Array(group.units.dropFirst())))
        }
    }

    /// A unit's variants in a language pair (by primary language).
    private func variants(of id: Int64, pair: LanguagePair, memory: any MemoryStore) throws(MemoryError) -> (Variant, Variant)? {
        guard let unit = try memory.unit(UnitID(id))?.unit,
              let source = unit.variants.first(where: { $0.language.primary == pair.source.primary }),
              let target = unit.variants.first(where: { $0.language.primary == pair.target.primary }) else { return nil }
        return (source, target)
    }
}
