import Foundation
import GRDB
import KiokuFormats
import KiokuMemory
import KiokuText

/// Looks sentences up in a TM: the best earlier translations, scored as CAT tools
/// score, with what differs and the target adapted when only numbers differ.
///
/// Any direction the TM holds works (ru→en, ja→en, ru→ja through units that carry
/// both). Retrieval is exact: every unit scoring at or above the minimum is
/// considered; `LookupOptions.exhaustive` scans every unit instead, for checking.
public final class Matcher: @unchecked Sendable {
    public let index: FuzzyIndex
    private let scratchLock = NSLock()
    private var scratchPool: [CandidateSearch.Scratch] = []

    public init(index: FuzzyIndex) {
        self.index = index
    }

    /// Opens the fuzzy index of `memory` (creating its tables if needed).
    public convenience init(memory: TranslationMemory) throws(MemoryError) {
        self.init(index: try FuzzyIndex(memory: memory))
    }

    /// The matches for `query` from `source` to `target`, best first.
    public func lookup(_ query: String, from source: LanguageTag, to target: LanguageTag,
                       options: LookupOptions = LookupOptions()) throws(MemoryError) -> [FuzzyMatch] {
        let text = query.trimmingWhitespace()
        let form = MatchForm(text, unit: source.scoringUnit)
        let hits: [CandidateSearch.Hit]
        var datesMatter = true
        if options.exhaustive || options.minimumScore <= 0 {
            hits = try exhaustiveHits(form, language: source, minimum: options.minimumScore)
        } else {
            guard let (languageIndex, dates) = try index.prepare(source.language) else { return [] }
            datesMatter = dates
            let ids = form.classKeys.map(languageIndex.lookupID)
            let scratch = takeScratch(), helper = takeScratch()
            defer { returnScratch(scratch); returnScratch(helper) }
            hits = CandidateSearch(index: languageIndex, queryTokens: ids, minimum: options.minimumScore)
                .run(scratch: scratch, helper: options.parallel ? helper : nil)
        }
        return try rank(hits, query: text, form: form, from: source, to: target, options: options, datesMatter: datesMatter)
    }

    // MARK: Exhaustive scan

    /// Every variant in `language`, tokenized afresh and compared by plain dynamic
    /// programming: independent of the index, so the two can be compared.
    private func exhaustiveHits(_ form: MatchForm, language: LanguageTag, minimum: Int) throws(MemoryError) -> [CandidateSearch.Hit] {
        let query = form.classKeys
        return try index.memory.read { db in
            var hits: [CandidateSearch.Hit] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT unit_id, position, lang, text FROM variant")
            while let row = try rows.next() {
                guard let tag = LanguageTag(row[2] as String), tag.language == language.language else { continue }
                let keys = MatchForm(row[3] as String, unit: language.scoringUnit).classKeys
                let distance = levenshtein(query, keys)
                let base = MatchScoring.base(distance: distance, queryLength: query.count, candidateLength: keys.count)
                if base >= minimum, !query.isEmpty {
                    hits.append(.init(documentKey: (row[0] as Int64) << 8 | (row[1] as Int64), base: base,
                                      distance: distance, longest: max(query.count, keys.count)))
                }
            }
            return hits
        }
    }

    // MARK: Ranking

    /// A hit with its final score, before the full unit is read.
    private struct Ranked {
        var hit: CandidateSearch.Hit
        var score: Int
        /// 1 − d/M over tokens, unrounded: orders hits within one displayed percentage.
        var similarity: Double
        var recency: String
        var contextMatches: Bool
        var numberPairs: [(from: String, to: String)]?

        var unitID: Int64 { hit.documentKey >> 8 }

        /// Best first: score, then finer similarity, then newer (change or creation date, then id).
        func isBetter(than other: Ranked) -> Bool {
            if score != other.score { return score > other.score }
            if similarity != other.similarity { return similarity > other.similarity }
            if recency != other.recency { return recency > other.recency }
            return unitID > other.unitID
        }
    }

    /// Final scores for the best hits. Reads only the source text and dates of a hit, and
    /// only while it could still enter the top; the full unit is read for the winners alone.
    private func rank(_ hits: [CandidateSearch.Hit], query: String, form: MatchForm, from source: LanguageTag,
                      to target: LanguageTag, options: LookupOptions, datesMatter: Bool) throws(MemoryError) -> [FuzzyMatch] {
        // Base, then similarity, then newest unit: the order the final ranking keeps when no penalty applies.
        let ordered = hits.sorted { a, b in
            if a.base != b.base { return a.base > b.base }
            let left = a.distance * b.longest, right = b.distance * a.longest  // compare d/M without division
            if left != right { return left < right }
            return a.documentKey > b.documentKey
        }
        let limit = max(1, options.maximumResults)
        let normalizer = MatchNormalizer()
        let queryContext = options.context.map(normalizer.normalize)
        let prepared = MatchScoring.Query(text: query, form: form)
        var targetLanguages: [String: Bool] = [:]
        var finals: [String: (base: Int, final: MatchScoring.Final)] = [:]
        let ranked: [Ranked] = try index.memory.read { db in
            let reader = try CandidateReader(db)
            var best: [Ranked] = []
            for hit in ordered {
                let unitID = hit.documentKey >> 8, position = hit.documentKey & 0xFF
                var dated: (date: String, extra: String?)?  // read early for a tie, then reused
                if best.count >= limit {
                    let last = best[limit - 1]
                    if hit.base < last.score { break }
                    // Hits come by base, then similarity: once one has the last's score as its base
                    // and a lower similarity, it and all after it rank below the last, dates or not.
                    // Without dates, an equal similarity loses on unit id as well.
                    let similarity = hit.longest == 0 ? 1 : 1 - Double(hit.distance) / Double(hit.longest)
                    if hit.base == last.score, similarity < last.similarity { break }
                    if !datesMatter, hit.base == last.score, similarity <= last.similarity { break }
                    // An exact tie with the last (its final score cannot exceed its base) enters only
                    // by being newer, or by a matching context at 100: read its date before scoring it.
                    if hit.base == last.score, similarity == last.similarity, queryContext == nil || hit.base < 100 {
                        let tie = reader.dateAndExtra(of: unitID)
                        if tie.date < last.recency || (tie.date == last.recency && unitID < last.unitID) { continue }
                        dated = tie
                    }
                }
                guard let (candidate, others) = reader.variants(of: unitID, position: position),
                      others.contains(where: { language in
                          if let known = targetLanguages[language] { return known }
                          let covered = LanguageTag(language).map(target.covers) ?? false
                          targetLanguages[language] = covered
                          return covered
                      })
                else { continue }
                // Near-duplicate clusters repeat the same source text many times: score each text once.
                let final: MatchScoring.Final
                if let known = finals[candidate], known.base == hit.base {
                    final = known.final
                } else {
                    final = MatchScoring.final(query: prepared, candidate: candidate,
                                               candidateForm: MatchForm(candidate, unit: source.scoringUnit), base: hit.base)
                    finals[candidate] = (hit.base, final)
                }
                guard final.score >= options.minimumScore else { continue }
                if best.count >= limit, final.score < best[limit - 1].score { continue }
                let (recency, extra) = dated ?? reader.dateAndExtra(of: unitID)
                var score = final.score
                var contextMatches = false
                if let queryContext, let extra, extra.contains(TranslationUnit.contextProperty) {
                    var unit = TranslationUnit(variants: [])
                    unit.metadata = StoredMetadata.decode(extra)
                    contextMatches = unit.context.map(normalizer.normalize) == queryContext
                }
                if score == 100, contextMatches { score = 101 }
                let ranked = Ranked(hit: hit, score: score,
                                    similarity: hit.longest == 0 ? 1 : 1 - Double(hit.distance) / Double(hit.longest),
                                    recency: recency, contextMatches: contextMatches,
                                    numberPairs: final.numbersOnly ? final.numberPairs : nil)
                let slot = best.firstIndex { ranked.isBetter(than: $0) } ?? best.count
                if slot < limit {
                    best.insert(ranked, at: slot)
                    if best.count > limit { best.removeLast() }
                }
            }
            return best
        }
        var matches: [FuzzyMatch] = []
        for ranked in ranked {
            guard let stored = try index.memory.unit(id: ranked.unitID) else { continue }
            let position = Int(ranked.hit.documentKey & 0xFF)
            guard position < stored.unit.variants.count else { continue }
            let sourceVariant = stored.unit.variants[position]
            guard let targetVariant = stored.unit.variants.enumerated().first(where: { $0.offset != position && target.covers($0.element.language) })?.element
            else { continue }
            matches.append(FuzzyMatch(
                score: ranked.score, unitID: ranked.unitID, sourceLanguage: sourceVariant.language,
                targetLanguage: targetVariant.language, source: sourceVariant.segment.text, target: targetVariant.segment.text,
                adaptedTarget: ranked.numberPairs.flatMap { MatchScoring.adapt(target: targetVariant.segment.text, pairs: $0) },
                diff: diff(query: query, source: sourceVariant.segment.text, language: source),
                metadata: stored.unit.metadata, origin: stored.origin, contextMatches: ranked.contextMatches))
        }
        return matches
    }

    private func diff(query: String, source: String, language: LanguageTag) -> [DiffPiece] {
        WordDiff.diff(query: query, source: source, unit: language.scoringUnit)
    }

    private func takeScratch() -> CandidateSearch.Scratch {
        scratchLock.lock()
        defer { scratchLock.unlock() }
        return scratchPool.popLast() ?? CandidateSearch.Scratch()
    }

    private func returnScratch(_ scratch: CandidateSearch.Scratch) {
        scratchLock.lock()
        scratchPool.append(scratch)
        scratchLock.unlock()
    }
}
