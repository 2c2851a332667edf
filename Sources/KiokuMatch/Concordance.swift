import KiokuFormats
import KiokuMemory
import KiokuText

/// Finds a word or phrase in a TM's segments: English and Russian by Snowball stem
/// (Владивосток finds Владивостоке, island finds islands), Japanese and Chinese as
/// a substring of the matching form. Uses the fuzzy index to find candidates.
public final class Concordance: Sendable {
    public let index: FuzzyIndex

    public init(index: FuzzyIndex) {
        self.index = index
    }

    public convenience init(memory: any MemoryStore) throws(MemoryError) {
        self.init(index: try FuzzyIndex(memory: memory))
    }

    /// Segments in `language` containing `phrase`, newest first.
    public func search(_ phrase: String, language: LanguageTag, limit: Int = 20) throws(MemoryError) -> [ConcordanceHit] {
        guard let (snapshot, _) = try index.prepare(language.language) else { return [] }
        let matcher = PhraseMatcher(phrase: phrase, language: language)
        guard !matcher.isEmpty else { return [] }
        // Candidates: documents holding every token the phrase needs (by stem for words).
        let groups = matcher.candidateTokenGroups(snapshot)
        guard !groups.isEmpty, groups.allSatisfy({ !$0.isEmpty }) else { return [] }
        var candidates: [VariantKey] = []
        for chunk in snapshot.chunks.reversed() {
            var sets: [Set<Int>] = []
            for group in groups {
                var documents = Set<Int>()
                for token in group {
                    for position in chunk.postingRange(of: token) {
                        let document = Posting(raw: chunk.postings[position]).document
                        if !chunk.isDead(document) { documents.insert(document) }
                    }
                }
                sets.append(documents)
            }
            let common = sets.dropFirst().reduce(sets[0]) { $0.intersection($1) }
            candidates += common.map { chunk.key(of: $0) }
        }
        candidates.sort(by: >)
        var hits: [ConcordanceHit] = []
        for key in candidates {
            if hits.count >= limit { break }
            let unitID = key.unitID, position = key.position
            guard let stored = try index.memory.unit(unitID), position < stored.unit.variants.count else { continue }
            let variant = stored.unit.variants[position]
            let ranges = matcher.occurrences(in: variant.segment.text)
            guard !ranges.isEmpty else { continue }
            var translations: [String: String] = [:]
            for (offset, other) in stored.unit.variants.enumerated() where offset != position {
                translations[other.language.identifier] = other.segment.text
            }
            hits.append(ConcordanceHit(unitID: unitID, language: variant.language, text: variant.segment.text,
                                       highlights: ranges, translations: translations))
        }
        return hits
    }
}
