import KiokuFormats
import KiokuMemory
import KiokuText

/// Turns the hits of a candidate search into the final top matches: final scores (number,
/// punctuation and case penalties, 101 for a matching context), then the order users see —
/// score, finer similarity, newer unit, higher id.
///
/// It reads only the source text and dates of a hit, and only while the hit could still
/// enter the top, taking hits by the highest score each can reach (``ceiling(_:)``); the full
/// unit is read for the winners alone (by ``Matcher``).
struct Ranking {
    let query: MatchScoring.Query
    let source: LanguageTag
    let target: LanguageTag
    let options: LookupOptions
    /// False when no unit has a date: ties then fall to unit id, known without reading.
    let datesMatter: Bool
    private let queryContext: String?
    private let queryPunctuation: PunctuationMark
    private let normalizer = MatchNormalizer()

    init(query: MatchScoring.Query, source: LanguageTag, target: LanguageTag, options: LookupOptions, datesMatter: Bool) {
        self.query = query
        self.source = source
        self.target = target
        self.options = options
        self.datesMatter = datesMatter
        let normalizer = MatchNormalizer()
        queryContext = options.context.map { Self.contextForm($0, normalizer) }
        queryPunctuation = PunctuationMark(query.form.punctuation)
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

    /// The highest final score a hit can reach, known without reading its text: its base, a
    /// point less when its punctuation's mark differs from the query's (so does its
    /// punctuation), and 101 for 100 when the lookup compares a context.
    ///
    /// A query whose punctuation differs from most of the TM's (no full stop, say) costs every
    /// hit that point: by base alone, ranking read every hit of the top base score (320 texts
    /// for a short query over a 1M TM) before one could be passed over.
    func ceiling(_ hit: CandidateSearch.Hit) -> Int {
        let score = hit.punctuation == queryPunctuation ? hit.base : max(0, hit.base - 1)
        return score == 100 && queryContext != nil ? 101 : score
    }

    /// The best `maximumResults` hits, best first.
    func best(of hits: [CandidateSearch.Hit], reader: any RankingReader) -> [Ranked] {
        // Ceiling, then similarity, then the higher key: no hit after one can rank above it
        // unless a penalty its ceiling does not know brings that one down.
        let ordered = hits.map { (hit: $0, ceiling: ceiling($0)) }.sorted { a, b in
            if a.ceiling != b.ceiling { return a.ceiling > b.ceiling }
            let left = a.hit.distance * b.hit.longest, right = b.hit.distance * a.hit.longest  // compare d/M without division
            if left != right { return left < right }
            return a.hit.key > b.hit.key
        }
        reader.willRead(candidates: ordered.lazy.map(\.hit.key))
        let limit = max(1, options.maximumResults)
        var scoring = FinalScores(query: query, unit: source.scoringUnit)
        var targetLanguages: [String: Bool] = [:]
        var best: [Ranked] = []
        for (hit, ceiling) in ordered {
            var dated: RankingFacts?  // read early for a tie, then reused
            if best.count >= limit {
                switch entry(of: hit, ceiling: ceiling, against: best[limit - 1], reader: reader) {
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

    /// Whether a hit, which can score `ceiling` at most, can still enter a full list whose last
    /// entry is `last`.
    private func entry(of hit: CandidateSearch.Hit, ceiling: Int, against last: Ranked, reader: any RankingReader) -> Entry {
        if ceiling < last.score { return .stop }
        // Hits come by ceiling, then similarity: once one has the last's score as its ceiling
        // and a lower similarity, it and all after it rank below the last, dates or not.
        let similarity = Self.similarity(hit)
        guard ceiling == last.score, similarity <= last.similarity else { return .consider(nil) }
        if similarity < last.similarity { return .stop }
        // An exact tie with the last at best. Without dates the unit id decides, and the hits
        // tied with this one come by key, highest first: when it loses, so do they. (The last
        // may have come earlier with a higher ceiling and a lower id, brought down by a penalty.)
        if !datesMatter { return hit.key.unitID <= last.unitID ? .stop : .consider(nil) }
        // With dates, it enters only by being newer: read its date before scoring it.
        let tie = facts(of: hit, reader: reader)
        if tie.recency < last.recency || (tie.recency == last.recency && hit.key.unitID < last.unitID) { return .skip }
        return .consider(tie)
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
