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
        if options.exhaustive || options.minimumScore <= 0 {
            hits = try exhaustiveHits(form, language: source, minimum: options.minimumScore)
        } else {
            guard let languageIndex = try index.prepare(source.language) else { return [] }
            let ids = form.classKeys.map(languageIndex.lookupID)
            let scratch = takeScratch()
            defer { returnScratch(scratch) }
            hits = CandidateSearch(index: languageIndex, queryTokens: ids, minimum: options.minimumScore).run(scratch: scratch)
        }
        return try rank(hits, query: text, form: form, from: source, to: target, options: options)
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
                let base = MatchScoring.base(distance: levenshtein(query, keys), queryLength: query.count, candidateLength: keys.count)
                if base >= minimum, !query.isEmpty {
                    hits.append(.init(documentKey: (row[0] as Int64) << 8 | (row[1] as Int64), base: base))
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
                      to target: LanguageTag, options: LookupOptions) throws(MemoryError) -> [FuzzyMatch] {
        let ordered = hits.sorted { $0.base != $1.base ? $0.base > $1.base : $0.documentKey > $1.documentKey }
        let limit = max(1, options.maximumResults)
        let normalizer = MatchNormalizer()
        let queryContext = options.context.map(normalizer.normalize)
        let ranked: [Ranked] = try index.memory.read { db in
            let statement = try db.cachedStatement(sql: """
                SELECT v.text, coalesce(u.changed_at, u.created_at, ''), u.extra,
                       EXISTS(SELECT 1 FROM variant t WHERE t.unit_id = v.unit_id AND t.position != v.position
                              AND (lower(t.lang) = ? OR lower(t.lang) LIKE ? || '-%'))
                FROM variant v JOIN unit u ON u.id = v.unit_id WHERE v.unit_id = ? AND v.position = ?
                """)
            let targetTag = target.identifier.lowercased()
            let targetPrefix = target.identifier.contains("-") ? "\u{1}" : targetTag
            var best: [Ranked] = []
            for hit in ordered {
                if best.count >= limit, hit.base < best[limit - 1].score { break }
                let unitID = hit.documentKey >> 8, position = hit.documentKey & 0xFF
                guard let row = try Row.fetchOne(statement, arguments: [targetTag, targetPrefix, unitID, position]),
                      row[3] as Bool
                else { continue }
                let candidate: String = row[0]
                let candidateForm = MatchForm(candidate, unit: source.scoringUnit)
                let final = MatchScoring.final(query: query, queryForm: form, candidate: candidate,
                                               candidateForm: candidateForm, base: hit.base)
                guard final.score >= options.minimumScore else { continue }
                var score = final.score
                var contextMatches = false
                if let queryContext, let extra = row[2] as String?, extra.contains(TranslationUnit.contextProperty) {
                    var unit = TranslationUnit(variants: [])
                    unit.metadata = StoredMetadata.decode(extra)
                    contextMatches = unit.context.map(normalizer.normalize) == queryContext
                }
                if score == 100, contextMatches { score = 101 }
                let longest = max(form.tokens.count, candidateForm.tokens.count)
                let distance = levenshtein(form.classKeys, candidateForm.classKeys)
                let ranked = Ranked(hit: hit, score: score, similarity: longest == 0 ? 1 : 1 - Double(distance) / Double(longest),
                                    recency: row[1], contextMatches: contextMatches,
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
                diff: WordDiff.diff(query: query, source: sourceVariant.segment.text, language: source),
                metadata: stored.unit.metadata, origin: stored.origin, contextMatches: ranked.contextMatches))
        }
        return matches
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
