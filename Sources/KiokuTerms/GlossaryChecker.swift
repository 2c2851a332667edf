import KiokuText

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

    /// The findings for one translation: forbidden terms, then concepts missing from the
    /// target, then concepts the target names but the source does not.
    public func check(source: String, target: String, location: String) -> [Finding] {
        let found = occurrences(source: source, target: target)
        let forbiddenByConcept = Dictionary(grouping: found.forbidden, by: \.conceptID)
        let make = { (kind: Finding.Kind, severity: Finding.Severity, concept: Concept, expected: [String], found: [String]) in
            // (built only for the findings, which are few in real translations)
            Finding(kind: kind, severity: severity, location: location, sourceLanguage: self.sourceLanguage, targetLanguage: self.targetLanguage,
                    conceptID: concept.id, concept: concept.label, expected: expected, found: found, source: source, target: target)
        }
        var findings: [Finding] = []
        for (conceptID, matches) in forbiddenByConcept.sorted(by: { $0.key < $1.key }) {
            guard let concept = concepts[conceptID] else { continue }
            findings.append(make(.forbidden, .error, concept, approvedTexts(concept, targetLanguage), Array(Set(matches.map(\.found))).sorted()))
        }
        for conceptID in missingConcepts(found, source: source) where forbiddenByConcept[conceptID] == nil {
            guard let concept = concepts[conceptID] else { continue }
            let expected = approvedTexts(concept, targetLanguage)
            if expected.isEmpty { continue }  // the glossary has no term for this language
            findings.append(make(.missing, .error, concept, expected, []))
        }
        let extras = extraOccurrences(found, target: target)
        for conceptID in Array(Set(extras.map(\.conceptID))).sorted() {
            guard let concept = concepts[conceptID], !approvedTexts(concept, sourceLanguage).isEmpty else { continue }
            findings.append(make(.extra, .warning, concept, approvedTexts(concept, sourceLanguage),
                                 Array(Set(extras.filter { $0.conceptID == conceptID }.map(\.found))).sorted()))
        }
        return findings
    }

    /// The terms of one translation, sorted into what the checks need.
    private struct Occurrences {
        /// Approved (non-forbidden) terms in the source, overlaps included, and the longest of them.
        var sourceAll: [TermOccurrence]
        var sourceLongest: [TermOccurrence]
        var inSource: Set<String>
        /// Every term in the target, and the approved ones (with Russian adjectives when they matter).
        var targetTerms: [TermOccurrence]
        var approved: [TermOccurrence]
        /// Forbidden terms not inside a longer approved or forbidden term.
        var forbidden: [TermOccurrence]
        var approvedInTarget: Set<String>
    }

    private func occurrences(source: String, target: String) -> Occurrences {
        let sourceAll = sourceFinder.matches(in: source).filter { $0.status != .forbidden }
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
        return Occurrences(sourceAll: sourceAll, sourceLongest: TermFinder.longest(sourceAll), inSource: inSource,
                           targetTerms: targetTerms, approved: approved, forbidden: forbidden,
                           approvedInTarget: Set(approved.map(\.conceptID)))
    }

    /// Concepts the source names that the target lacks — unless the name is made of other
    /// names (Russian Far East = Russia + Far East) and the target has those parts. Sorted.
    private func missingConcepts(_ found: Occurrences, source: String) -> [String] {
        let sourceCharacters = Array(source.unicodeScalars)
        var missing: [String] = []
        for occurrence in found.sourceLongest where !found.approvedInTarget.contains(occurrence.conceptID) {
            let end = occurrence.start + occurrence.length
            let parts = found.sourceAll.filter { $0.conceptID != occurrence.conceptID && $0.start >= occurrence.start && $0.start + $0.length <= end }
            let coveredByParts = !parts.isEmpty && (occurrence.start..<end).allSatisfy { position in
                !Self.isWordCharacter(sourceCharacters[position]) || parts.contains { $0.start <= position && position < $0.start + $0.length }
            }
            if coveredByParts, parts.allSatisfy({ part in
                found.approvedInTarget.contains(part.conceptID) || concepts[part.conceptID].map { approvedTexts($0, targetLanguage).isEmpty } ?? true
            }) {
                continue
            }
            if !missing.contains(occurrence.conceptID) { missing.append(occurrence.conceptID) }
        }
        return missing.sorted()
    }

    /// Approved target terms of concepts the source does not name — unless terms of concepts
    /// the source does name cover the same words (Дальнем Востоке России = Far East + Russia).
    private func extraOccurrences(_ found: Occurrences, target: String) -> [TermOccurrence] {
        let explained = found.approved.filter { found.inSource.contains($0.conceptID) }
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
                    if position < characters.count, Self.isWordCharacter(characters[position]) { return false }
                    position += 1
                    continue
                }
                position = cover.start + cover.length
            }
            return true
        }
        return TermFinder.longest(found.targetTerms).filter {
            $0.status != .forbidden && !found.inSource.contains($0.conceptID) && !isExplained($0)
        }
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
