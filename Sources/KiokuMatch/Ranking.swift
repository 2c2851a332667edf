import KiokuFormats
import KiokuMemory
import KiokuText

/// Turns the hits of a candidate search into the final top matches: final scores (number,
/// punctuation and case penalties, 101 for a matching context), then the order users see —
/// score, finer similarity, newer unit, higher id.
///
/// It reads only the source text and dates of a hit, and only while the hit could still
/// enter the top; the full unit is read for the winners alone (by ``Matcher``).
struct Ranking {
    let query: MatchScoring.Query
    let source: LanguageTag
    let target: LanguageTag
    let options: LookupOptions
    /// False when no unit has a date: ties then fall to unit id, known without reading.
    let datesMatter: Bool
    private let queryContext: String?
    private let normalizer = MatchNormalizer()

    init(query: MatchScoring.Query, source: LanguageTag, target: LanguageTag, options: LookupOptions, datesMatter: Bool) {
        self.query = query
        self.source = source
        self.target = target
        self.options = options
        self.datesMatter = datesMatter
        let normalizer = MatchNormalizer()
        queryContext = options.context.map { Self.contextForm($0, normalizer) }
    }

    /// A hit with its final score, before the full unit is read.
    struct Ranked {
        var hit: CandidateSearch.Hit
        var score: Int
        /// 1 − d/M over tokens, unrounded: orders hits within one displayed percentage.
        var similarity: Double
        var recency: String
        var contextMatches: Bool
        /// Whether the query and the hit differ in placeables only (the target can then be adapted).
        var numbersOnly: Bool
        /// The hit's source and target text: a pair is listed once, whatever units hold it.
        var pair: String

        var unitID: UnitID { hit.key.unitID }

        /// Best first: score, then finer similarity, then newer (the newest date of the unit or a
        /// variant), then the higher id.
        func isBetter(than other: Ranked) -> Bool {
            if score != other.score { return score > other.score }
            if similarity != other.similarity { return similarity > other.similarity }
            if recency != other.recency { return recency > other.recency }
            return unitID > other.unitID
        }
    }

    /// The best `maximumResults` hits, best first.
    func best(of hits: [CandidateSearch.Hit], reader: any RankingReader) -> [Ranked] {
        // Base, then similarity, then newest unit: the order the final ranking keeps when no penalty applies.
        let ordered = hits.sorted { a, b in
            if a.base != b.base { return a.base > b.base }
            let left = a.distance * b.longest, right = b.distance * a.longest  // compare d/M without division
            if left != right { return left < right }
            return a.key > b.key
        }
        reader.willRead(candidates: ordered.lazy.map(\.key))
        let limit = max(1, options.maximumResults)
        var scoring = FinalScores(query: query, unit: source.scoringUnit)
        var targetLanguages: [String: Bool] = [:]
        var best: [Ranked] = []
        for hit in ordered {
            var dated: RankingFacts?  // read early for a tie, then reused
            if best.count >= limit {
                switch entry(of: hit, against: best[limit - 1], reader: reader) {
                case .stop: return best
                case .skip: continue
                case .consider(let facts): dated = facts
                }
            }
            guard let (candidate, others) = reader.candidate(hit.key),
                  let translation = others.first(where: { other in
                      if let known = targetLanguages[other.language] { return known }
                      let covered = LanguageTag(other.language).map(target.covers) ?? false
                      targetLanguages[other.language] = covered
                      return covered
                  })
            else { continue }
            let final = scoring.final(candidate, base: hit.base)
            guard final.score >= options.minimumScore else { continue }
            if best.count >= limit, final.score < best[limit - 1].score { continue }
            let ranked = rank(hit, final, facts: dated ?? facts(of: hit, reader: reader),
                              pair: candidate + "\u{1}" + translation.text)
            if let twin = best.firstIndex(where: { $0.pair == ranked.pair }) {
                // the same source and target from another unit (an OmegaT round trip, say): keep the better
                guard ranked.isBetter(than: best[twin]) else { continue }
                best.remove(at: twin)
            }
            let slot = best.firstIndex { ranked.isBetter(than: $0) } ?? best.count
            if slot < limit {
                best.insert(ranked, at: slot)
                if best.count > limit { best.removeLast() }
            }
        }
        return best
    }

    private enum Entry {
        /// This hit and every later one rank below the last of a full list.
        case stop
        /// This hit cannot enter; later ones might.
        case skip
        /// Score it (with its dates, when they were read to decide).
        case consider(RankingFacts?)
    }

    /// Whether a hit can still enter a full list whose last entry is `last`.
    private func entry(of hit: CandidateSearch.Hit, against last: Ranked, reader: any RankingReader) -> Entry {
        if hit.base < last.score { return .stop }
        // Hits come by base, then similarity: once one has the last's score as its base
        // and a lower similarity, it and all after it rank below the last, dates or not.
        // Without dates, an equal similarity loses on unit id as well.
        let similarity = Self.similarity(hit)
        if hit.base == last.score, similarity < last.similarity { return .stop }
        if !datesMatter, hit.base == last.score, similarity <= last.similarity { return .stop }
        // An exact tie with the last (its final score cannot exceed its base) enters only
        // by being newer, or by a matching context at 100: read its date before scoring it.
        if hit.base == last.score, similarity == last.similarity, queryContext == nil || hit.base < 100 {
            let tie = facts(of: hit, reader: reader)
            if tie.recency < last.recency || (tie.recency == last.recency && hit.key.unitID < last.unitID) { return .skip }
            return .consider(tie)
        }
        return .consider(nil)
    }

    /// The hit's dates and contexts. When no unit has a date and the lookup compares no
    /// context, they are the same for every unit (no date, contexts unused) and are not read:
    /// a read of the unit's row for each hit considered, a third of a short query's time over
    /// a 1M TM, with hundreds of hits tied on their base score.
    private func facts(of hit: CandidateSearch.Hit, reader: any RankingReader) -> RankingFacts {
        if !datesMatter && queryContext == nil { return RankingFacts(recency: "", contexts: []) }
        return reader.rankingFacts(of: hit.key.unitID)
    }

    private func rank(_ hit: CandidateSearch.Hit, _ final: MatchScoring.Final, facts: RankingFacts, pair: String) -> Ranked {
        var score = final.score
        var contextMatches = false
        if let queryContext {
            contextMatches = facts.contexts.contains { Self.contextForm($0, normalizer) == queryContext }
        }
        if score == 100, contextMatches { score = 101 }
        return Ranked(hit: hit, score: score, similarity: Self.similarity(hit), recency: facts.recency,
                      contextMatches: contextMatches, numbersOnly: final.numbersOnly, pair: pair)
    }

    /// How contexts are compared: in matching form, without OmegaT's tag shorthand (its `prev`
    /// property keeps `<b0>…</b0>` where the segment had formatting).
    static func contextForm(_ text: String, _ normalizer: MatchNormalizer) -> String {
        normalizer.normalize(OmegaTTags.plainText(text))
    }

    static func similarity(_ hit: CandidateSearch.Hit) -> Double {
        hit.longest == 0 ? 1 : 1 - Double(hit.distance) / Double(hit.longest)
    }
}

/// Final scores of candidate texts, each text scored once: near-duplicate clusters repeat
/// the same source text many times.
private struct FinalScores {
    let query: MatchScoring.Query
    let unit: ScoringUnit
    private var known: [String: (base: Int, final: MatchScoring.Final)] = [:]

    init(query: MatchScoring.Query, unit: ScoringUnit) {
        self.query = query
        self.unit = unit
    }

    mutating func final(_ candidate: String, base: Int) -> MatchScoring.Final {
        if let cached = known[candidate], cached.base == base { return cached.final }
        let final = MatchScoring.final(query: query, candidate: candidate, candidateForm: ScoringForm(candidate, unit: unit), base: base)
        known[candidate] = (base, final)
        return final
    }
}
