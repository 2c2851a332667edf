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

    private var approvedCache: [String: [String]] = [:]

    /// A concept's approved terms in one of the checker's languages (cached: reports repeat them).
    private func approvedTexts(_ concept: Concept, _ language: LanguageTag) -> [String] {
        let key = concept.id + "\u{1}" + language.identifier
        if let known = approvedCache[key] { return known }
        let texts = concept.approvedTerms(in: language).map(\.text)
        approvedCache[key] = texts
        return texts
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
        let sourceAll = sourceFinder.matches(in: source).filter { $0.status != .forbidden }
        let sourceLongest = TermFinder.longest(sourceAll)
        let inSource = Set(sourceAll.map(\.conceptID))
        let targetTerms = targetFinder.matches(in: target)
        // Adjectives (египетский) only matter when a source concept is not named in the target.
        let namedInTarget = Set(targetTerms.lazy.filter { $0.status != .forbidden }.map(\.conceptID))
        let targetMatches = inSource.isSubset(of: namedInTarget) ? targetTerms : targetTerms + targetFinder.derivedMatches(in: target)
        let approved = targetMatches.filter { $0.status != .forbidden }
        func covered(_ match: TermOccurrence, by others: [TermOccurrence]) -> Bool {
            others.contains { $0.start <= match.start && $0.start + $0.length >= match.start + match.length && $0.length > match.length }
        }
        let forbiddenMatches = targetMatches.filter { $0.status == .forbidden && !covered($0, by: approved) }
        // «Абе» inside «Шинзо Абе» is one finding, not two
        let forbidden = forbiddenMatches.filter { !covered($0, by: forbiddenMatches) }
        var findings: [Finding] = []
        func finding(_ kind: Finding.Kind, _ severity: Finding.Severity, _ concept: Concept, expected: [String], found: [String]) -> Finding {
            // (built only for the findings, which are few in real translations)
            Finding(kind: kind, severity: severity, location: location, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                    conceptID: concept.id, concept: concept.label, expected: expected, found: found, source: source, target: target)
        }
        let approvedInTarget = Set(approved.map(\.conceptID))
        let forbiddenByConcept = Dictionary(grouping: forbidden, by: \.conceptID)
        for (conceptID, matches) in forbiddenByConcept.sorted(by: { $0.key < $1.key }) {
            guard let concept = concepts[conceptID] else { continue }
            findings.append(finding(.forbidden, .error, concept, expected: approvedTexts(concept, targetLanguage),
                                    found: Array(Set(matches.map(\.found))).sorted()))
        }
        // A concept named in the source must be in the target — or, for a name made of other
        // names (Russian Far East = Russia + Far East), its parts must be.
        let sourceCharacters = Array(source.unicodeScalars)
        var missing: [String] = []
        for occurrence in sourceLongest where !approvedInTarget.contains(occurrence.conceptID) {
            let end = occurrence.start + occurrence.length
            let parts = sourceAll.filter { $0.conceptID != occurrence.conceptID && $0.start >= occurrence.start && $0.start + $0.length <= end }
            let coveredByParts = !parts.isEmpty && (occurrence.start..<end).allSatisfy { position in
                !(sourceCharacters[position].properties.isAlphabetic || sourceCharacters[position].properties.numericType != nil)
                    || parts.contains { $0.start <= position && position < $0.start + $0.length }
            }
            if coveredByParts, parts.allSatisfy({ part in
                approvedInTarget.contains(part.conceptID) || concepts[part.conceptID].map { approvedTexts($0, targetLanguage).isEmpty } ?? true
            }) {
                continue
            }
            if !missing.contains(occurrence.conceptID) { missing.append(occurrence.conceptID) }
        }
        for conceptID in missing.sorted() where forbiddenByConcept[conceptID] == nil {
            guard let concept = concepts[conceptID] else { continue }
            let expected = approvedTexts(concept, targetLanguage)
            if expected.isEmpty { continue }  // the glossary has no term for this language
            findings.append(finding(.missing, .error, concept, expected: expected, found: []))
        }
        // A target term the source does not name is extra — unless terms of concepts the source
        // does name cover the same words (Дальнем Востоке России = Far East + Russia).
        let explained = approved.filter { inSource.contains($0.conceptID) }
        let characters = explained.isEmpty ? [] : Array(target.unicodeScalars)
        func isExplained(_ match: TermOccurrence) -> Bool {
            if explained.isEmpty { return false }
            var position = match.start
            let end = match.start + match.length
            while position < end {
                guard let cover = explained.filter({ $0.start <= position && $0.start + $0.length > position })
                    .max(by: { $0.start + $0.length < $1.start + $1.length })
                else {
                    // a gap: explained only if it is not part of a word (spaces, punctuation)
                    if position < characters.count, characters[position].properties.isAlphabetic || characters[position].properties.numericType != nil { return false }
                    position += 1
                    continue
                }
                position = cover.start + cover.length
            }
            return true
        }
        let extras = TermFinder.longest(targetTerms).filter {
            $0.status != .forbidden && !inSource.contains($0.conceptID) && !isExplained($0)
        }
        for conceptID in Array(Set(extras.map(\.conceptID))).sorted() {
            guard let concept = concepts[conceptID], !approvedTexts(concept, sourceLanguage).isEmpty else { continue }
            findings.append(finding(.extra, .warning, concept, expected: approvedTexts(concept, sourceLanguage),
                                    found: Array(Set(extras.filter { $0.conceptID == conceptID }.map(\.found))).sorted()))
        }
        return findings
    }
}

/// Finds translations that disagree with each other, no glossary needed: the same
/// source (in matching form) with different targets, and the same target with different sources.
///
/// Keeps one hash and the first text per distinct segment, so a million units fit.
/// A reference type: its tables grow to millions of entries and must never be copied.
public final class ConsistencyCheck {
    private struct Group {
        var text: String
        /// Each different counterpart (by hash of its matching form): its text and locations.
        var counterparts: [Int: (text: String, locations: [String])]
    }

    private var bySource: [Int: Group] = [:]
    private var byTarget: [Int: Group] = [:]
    private let normalizer = MatchNormalizer()
    public let sourceLanguage: LanguageTag
    public let targetLanguage: LanguageTag

    public init(source: LanguageTag, target: LanguageTag) {
        sourceLanguage = source
        targetLanguage = target
    }

    public func add(source: String, target: String, location: String) {
        let sourceKey = normalizer.normalize(source).hashValue, targetKey = normalizer.normalize(target).hashValue
        Self.note(&bySource, key: sourceKey, text: source, counterpartKey: targetKey, counterpart: target, location: location)
        Self.note(&byTarget, key: targetKey, text: target, counterpartKey: sourceKey, counterpart: source, location: location)
    }

    private static func note(_ groups: inout [Int: Group], key: Int, text: String, counterpartKey: Int, counterpart: String, location: String) {
        if groups[key] == nil {
            groups[key] = Group(text: text, counterparts: [counterpartKey: (counterpart, [location])])
        } else if groups[key]!.counterparts[counterpartKey] == nil {
            groups[key]!.counterparts[counterpartKey] = (counterpart, [location])
        } else if groups[key]!.counterparts.count > 1 {
            groups[key]!.counterparts[counterpartKey]!.locations.append(location)
        }
        // (locations of a single, agreeing counterpart are not kept: they are never reported)
    }

    /// One warning per source with several targets and per target with several sources.
    public func findings() -> [Finding] {
        func report(_ groups: [Int: Group], from: LanguageTag, to: LanguageTag, side: String) -> [Finding] {
            groups.values.filter { $0.counterparts.count > 1 }.map { group in
                let locations = group.counterparts.values.flatMap(\.locations).sorted()
                return Finding(kind: .inconsistent, severity: .warning, location: locations.joined(separator: ", "),
                               sourceLanguage: from, targetLanguage: to, conceptID: nil, concept: nil,
                               expected: ["the \(from) \(side) «\(group.text)»"], found: group.counterparts.values.map(\.text).sorted(),
                               source: group.text, target: "")
            }
        }
        return (report(bySource, from: sourceLanguage, to: targetLanguage, side: "source")
            + report(byTarget, from: targetLanguage, to: sourceLanguage, side: "target")).sorted { $0.location < $1.location }
    }
}
