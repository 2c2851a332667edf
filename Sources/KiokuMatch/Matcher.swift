import KiokuConcurrency
import KiokuFormats
import KiokuMemory
import KiokuText

/// Looks sentences up in a TM: the best earlier translations, scored as CAT tools
/// score, with what differs and the target adapted when only numbers differ.
///
/// Any direction the TM holds works (ru→en, ja→en, ru→ja through units that carry
/// both). Retrieval is exact: every unit scoring at or above the minimum is
/// considered; `LookupOptions.exhaustive` scans every unit instead, for checking.
public final class Matcher: Sendable {
    public let index: FuzzyIndex
    private let scratch = Pool { SearchScratch() }

    public init(index: FuzzyIndex) {
        self.index = index
    }

    /// Opens the fuzzy index of `memory`.
    public convenience init(memory: any MemoryStore) throws(MemoryError) {
        self.init(index: try FuzzyIndex(memory: memory))
    }

    /// The matches for `query` from `source` to `target`, best first.
    public func lookup(_ query: String, from source: LanguageTag, to target: LanguageTag,
                       options: LookupOptions = LookupOptions()) throws(MemoryError) -> [FuzzyMatch] {
        try lookupUnits(query, from: source, to: target, options: options).map(\.match)
    }

    /// The matches with the units they come from, read once: for callers that need more of a
    /// unit than a match shows (its inline codes, its properties), as pre-translation does.
    public func lookupUnits(_ query: String, from source: LanguageTag, to target: LanguageTag,
                            options: LookupOptions = LookupOptions()) throws(MemoryError) -> [(match: FuzzyMatch, unit: StoredUnit)] {
        let text = query.trimmingWhitespace()
        let form = MatchForm(text, unit: source.scoringUnit)
        let hits: [CandidateSearch.Hit]
        var datesMatter = true
        if options.exhaustive || options.minimumScore <= 0 {
            hits = try exhaustiveHits(form, language: source, minimum: options.minimumScore)
        } else {
            guard let (languageIndex, dates) = try index.prepare(source.language) else { return [] }
            datesMatter = dates
            let search = CandidateSearch(index: languageIndex, queryTokens: form.classKeys.map(languageIndex.lookupID),
                                         minimum: options.minimumScore, counting: options.counting)
            hits = scratch.borrow { scratch in
                options.parallel ? self.scratch.borrow { helper in search.run(scratch: scratch, helper: helper) } : search.run(scratch: scratch)
            }
        }
        let ranking = Ranking(query: MatchScoring.Query(text: text, form: form, unit: source.scoringUnit), source: source, target: target,
                              options: options, datesMatter: datesMatter)
        // One read of the TM for the lookup: ranking and the winners come from one snapshot.
        return try index.memory.withRankingReader { reader in
            let ranked = ranking.best(of: hits, reader: reader)
            guard !ranked.isEmpty else { return [] }
            reader.willRead(units: ranked.map(\.unitID))
            let diff = options.wordDiff ? WordDiff(query: text, unit: source.scoringUnit) : nil
            return ranked.compactMap { match($0, query: text, unit: source.scoringUnit, diff: diff, target: target, reader: reader) }
        }
    }

    /// The match users see for a ranked hit: the full unit read, the diff made (when asked), numbers adapted.
    private func match(_ ranked: Ranking.Ranked, query: String, unit: ScoringUnit, diff: WordDiff?, target: LanguageTag,
                       reader: any RankingReader) -> (match: FuzzyMatch, unit: StoredUnit)? {
        guard let stored = reader.unit(ranked.unitID) else { return nil }
        let position = ranked.hit.key.position
        guard position < stored.unit.variants.count else { return nil }
        let sourceVariant = stored.unit.variants[position]
        guard let targetVariant = stored.unit.variants.enumerated().first(where: { $0.offset != position && target.covers($0.element.language) })?.element
        else { return nil }
        let match = FuzzyMatch(
            score: ranked.score, unitID: ranked.unitID, sourceLanguage: sourceVariant.language,
            targetLanguage: targetVariant.language, source: sourceVariant.segment.text, target: targetVariant.segment.text,
            adaptedTarget: ranked.numbersOnly
                ? MatchScoring.placeablePairs(query: query, source: sourceVariant.segment.text, unit: unit)
                    .flatMap { MatchScoring.adapt(target: targetVariant.segment.text, pairs: $0) }
                : nil,
            diff: diff?.pieces(from: sourceVariant.segment.text) ?? [],
            metadata: stored.unit.metadata, targetMetadata: targetVariant.metadata, origin: stored.origin,
            contextMatches: ranked.contextMatches)
        return (match, stored)
    }

    /// Every variant in `language`, tokenized afresh and compared by plain dynamic
    /// programming: independent of the index, so the two can be compared.
    private func exhaustiveHits(_ form: MatchForm, language: LanguageTag, minimum: Int) throws(MemoryError) -> [CandidateSearch.Hit] {
        let query = form.classKeys
        var hits: [CandidateSearch.Hit] = []
        try index.memory.forEachVariant(language: language.language) { variant in
            let form = MatchForm(variant.text, unit: language.scoringUnit)
            let keys = form.classKeys
            let distance = levenshtein(query, keys)
            let base = MatchScoring.base(distance: distance, queryLength: query.count, candidateLength: keys.count)
            if base >= minimum, !query.isEmpty {
                hits.append(.init(key: variant.key, base: base, distance: distance, longest: max(query.count, keys.count),
                                  punctuation: PunctuationMark(form.punctuation.utf8)))
            }
        }
        return hits
    }
}
