import KiokuText

/// One problem a glossary check found.
public struct Finding: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        /// A concept in the source has none of its approved terms in the target (error).
        case missing
        /// The target uses a forbidden term (error).
        case forbidden
        /// A concept's target term has no counterpart in the source (warning).
        case extra
        /// The same source with different targets, or the same target with different sources (warning).
        case inconsistent
    }

    public enum Severity: String, Sendable, Codable { case error, warning }

    public var kind: Kind
    public var severity: Severity
    /// Where: `unit 12` in a TM, `file.tmx:34` in a file.
    public var location: String
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    /// The concept (its id and its name in English, when it has one).
    public var conceptID: String?
    public var concept: String?
    /// The approved terms the target should use.
    public var expected: [String]
    /// What the target has instead (the forbidden term, or the conflicting translations).
    public var found: [String]
    public var source: String
    public var target: String

    public var description: String {
        switch kind {
        case .missing:
            return "\(location): \(severity) missing \(concept ?? "?"): the \(targetLanguage) target has none of \(expected.map { "«\($0)»" }.joined(separator: ", "))"
        case .forbidden:
            return "\(location): \(severity) forbidden \(concept ?? "?"): «\(found.joined(separator: "», «"))» in the \(targetLanguage) target; use \(expected.map { "«\($0)»" }.joined(separator: " or "))"
        case .extra:
            return "\(location): \(severity) extra \(concept ?? "?"): «\(found.joined(separator: "», «"))» in the \(targetLanguage) target, but the \(sourceLanguage) source does not name it"
        case .inconsistent:
            return "\(location): \(severity) inconsistent: \(expected.first ?? "") has \(found.count) different translations: \(found.map { "«\($0)»" }.joined(separator: " / "))"
        }
    }
}

/// Checks translations against a glossary, one source/target language pair at a time:
/// every concept named in the source must appear in the target with an approved term,
/// no forbidden term may appear, and a concept in the target should be in the source.
///
/// Presence is judged term by term (overlaps allowed), so 日本 inside 日本経済新聞 still
/// counts for Japan; a forbidden term inside a longer approved term is not reported.
/// Holds term finders with caches: use one checker per thread.
public final class GlossaryChecker {
    public let glossary: Glossary
    public let sourceLanguage: LanguageTag
    public let targetLanguage: LanguageTag
    private let sourceFinder: TermFinder
    private let targetFinder: TermFinder
    private let concepts: [String: Concept]

    public init(glossary: Glossary, source: LanguageTag, target: LanguageTag) {
        self.glossary = glossary
        sourceLanguage = source
        targetLanguage = target
        sourceFinder = TermFinder(glossary: glossary, language: source)
        targetFinder = TermFinder(glossary: glossary, language: target)
        concepts = Dictionary(glossary.concepts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The concepts the source names, in order, with their approved target terms: what a
    /// translation of it must use.
    public func requirements(of source: String) -> [(concept: Concept, terms: [Term])] {
        var seen = Set<String>()
        return sourceFinder.occurrences(in: source).compactMap { occurrence in
            guard let concept = concepts[occurrence.conceptID], seen.insert(concept.id).inserted else { return nil }
            return (concept, concept.approvedTerms(in: targetLanguage))
        }
    }

    /// The findings for one translation.
    public func check(source: String, target: String, location: String) -> [Finding] {
        let inSource = Set(sourceFinder.matches(in: source).filter { $0.status != .forbidden }.map(\.conceptID))
        let targetMatches = targetFinder.matches(in: target)
        // Approved target matches, to discount forbidden terms inside longer approved ones.
        let approved = targetMatches.filter { $0.status != .forbidden }
        func covered(_ match: TermOccurrence, by others: [TermOccurrence]) -> Bool {
            others.contains { $0.start <= match.start && $0.start + $0.length >= match.start + match.length && $0.length > match.length }
        }
        let forbiddenMatches = targetMatches.filter { $0.status == .forbidden && !covered($0, by: approved) }
        // «Абе» inside «Шинзо Абе» is one finding, not two
        let forbidden = forbiddenMatches.filter { !covered($0, by: forbiddenMatches) }
        var findings: [Finding] = []
        func finding(_ kind: Finding.Kind, _ severity: Finding.Severity, _ concept: Concept, expected: [String], found: [String]) -> Finding {
            Finding(kind: kind, severity: severity, location: location, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                    conceptID: concept.id, concept: concept.label, expected: expected, found: found, source: source, target: target)
        }
        let approvedInTarget = Set(approved.map(\.conceptID))
        let forbiddenByConcept = Dictionary(grouping: forbidden, by: \.conceptID)
        for (conceptID, matches) in forbiddenByConcept.sorted(by: { $0.key < $1.key }) {
            guard let concept = concepts[conceptID] else { continue }
            findings.append(finding(.forbidden, .error, concept, expected: concept.approvedTerms(in: targetLanguage).map(\.text),
                                    found: Array(Set(matches.map(\.found))).sorted()))
        }
        for conceptID in inSource.sorted() where !approvedInTarget.contains(conceptID) && forbiddenByConcept[conceptID] == nil {
            guard let concept = concepts[conceptID] else { continue }
            let expected = concept.approvedTerms(in: targetLanguage).map(\.text)
            if expected.isEmpty { continue }  // the glossary has no term for this language
            findings.append(finding(.missing, .error, concept, expected: expected, found: []))
        }
        // A target term the source does not name is extra — unless terms of concepts the source
        // does name cover the same words (Дальнем Востоке России = Far East + Russia).
        let explained = approved.filter { inSource.contains($0.conceptID) }
        let characters = explained.isEmpty ? [] : Array(target)
        func isExplained(_ match: TermOccurrence) -> Bool {
            if explained.isEmpty { return false }
            var position = match.start
            let end = match.start + match.length
            while position < end {
                guard let cover = explained.filter({ $0.start <= position && $0.start + $0.length > position })
                    .max(by: { $0.start + $0.length < $1.start + $1.length })
                else {
                    // a gap: explained only if it is not part of a word (spaces, punctuation)
                    if position < characters.count, characters[position].isLetter || characters[position].isNumber { return false }
                    position += 1
                    continue
                }
                position = cover.start + cover.length
            }
            return true
        }
        let extras = targetFinder.occurrences(in: target).filter {
            $0.status != .forbidden && !inSource.contains($0.conceptID) && !isExplained($0)
        }
        for conceptID in Array(Set(extras.map(\.conceptID))).sorted() {
            guard let concept = concepts[conceptID], !concept.approvedTerms(in: sourceLanguage).isEmpty else { continue }
            findings.append(finding(.extra, .warning, concept, expected: concept.approvedTerms(in: sourceLanguage).map(\.text),
                                    found: Array(Set(extras.filter { $0.conceptID == conceptID }.map(\.found))).sorted()))
        }
        return findings
    }
}

/// Finds translations that disagree with each other, no glossary needed: the same
/// source (in matching form) with different targets, and the same target with different sources.
public struct ConsistencyCheck {
    private var targetsBySource: [String: (source: String, targets: [String: [String]])] = [:]
    private var sourcesByTarget: [String: (target: String, sources: [String: [String]])] = [:]
    private let normalizer = MatchNormalizer()
    public let sourceLanguage: LanguageTag
    public let targetLanguage: LanguageTag

    public init(source: LanguageTag, target: LanguageTag) {
        sourceLanguage = source
        targetLanguage = target
    }

    public mutating func add(source: String, target: String, location: String) {
        let sourceKey = normalizer.normalize(source), targetKey = normalizer.normalize(target)
        targetsBySource[sourceKey, default: (source, [:])].targets[targetKey, default: []].append(location)
        sourcesByTarget[targetKey, default: (target, [:])].sources[sourceKey, default: []].append(location)
    }

    /// One warning per source with several targets and per target with several sources.
    public func findings() -> [Finding] {
        var findings: [Finding] = []
        for (_, entry) in targetsBySource where entry.targets.count > 1 {
            let locations = entry.targets.values.flatMap { $0 }.sorted()
            findings.append(Finding(kind: .inconsistent, severity: .warning, location: locations.joined(separator: ", "),
                                    sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, conceptID: nil, concept: nil,
                                    expected: ["the \(sourceLanguage) source «\(entry.source)»"], found: entry.targets.keys.sorted(),
                                    source: entry.source, target: ""))
        }
        for (_, entry) in sourcesByTarget where entry.sources.count > 1 {
            let locations = entry.sources.values.flatMap { $0 }.sorted()
            findings.append(Finding(kind: .inconsistent, severity: .warning, location: locations.joined(separator: ", "),
                                    sourceLanguage: targetLanguage, targetLanguage: sourceLanguage, conceptID: nil, concept: nil,
                                    expected: ["the \(targetLanguage) target «\(entry.target)»"], found: entry.sources.keys.sorted(),
                                    source: entry.target, target: ""))
        }
        return findings.sorted { $0.location < $1.location }
    }
}
