import Foundation
import GRDB
import KiokuFormats
import KiokuMemory
import KiokuText

/// A segment where a concordance search found the phrase, with the phrase marked.
public struct ConcordanceHit: Sendable, Codable, Hashable {
    public var unitID: Int64
    public var language: LanguageTag
    /// The segment as stored.
    public var text: String
    /// Where the phrase stands in `text`, as character offsets (start, length), each occurrence.
    public var highlights: [ConcordanceRange]
    /// The unit's other variants, by language: the translations to look at.
    public var translations: [String: String]
}

/// A range of characters in a concordance hit.
public struct ConcordanceRange: Sendable, Codable, Hashable {
    public var start: Int
    public var length: Int
}

/// Finds a word or phrase in a TM's segments: English and Russian by Snowball stem
/// (Владивосток finds Владивостоке, island finds islands), Japanese and Chinese as
/// a substring of the matching form. Uses the fuzzy index to find candidates.
public final class Concordance: @unchecked Sendable {
    public let index: FuzzyIndex

    public init(index: FuzzyIndex) {
        self.index = index
    }

    public convenience init(memory: TranslationMemory) throws(MemoryError) {
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
        var candidates: [Int64] = []
        for chunk in snapshot.chunks.reversed() {
            var sets: [Set<Int>] = []
            for group in groups {
                var documents = Set<Int>()
                for token in group {
                    for position in chunk.postingRange(of: token) {
                        documents.insert(Int(chunk.postings[position] >> IndexChunk.countBits))
                    }
                }
                sets.append(documents)
            }
            let common = sets.dropFirst().reduce(sets[0]) { $0.intersection($1) }
            candidates += common.map { chunk.documents[$0] }
        }
        candidates.sort(by: >)
        var hits: [ConcordanceHit] = []
        for key in candidates {
            if hits.count >= limit { break }
            let unitID = key >> 8, position = Int(key & 0xFF)
            guard let stored = try index.memory.unit(id: unitID), position < stored.unit.variants.count else { continue }
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

/// Decides where a phrase occurs in a text: a run of words with the phrase's stems, or
/// (character languages) a substring of the matching form.
struct PhraseMatcher {
    let unit: ScoringUnit
    let stemmer: Stemmer
    /// Word languages: the phrase's stems. Character languages: its normalized characters.
    let pieces: [String]

    init(phrase: String, language: LanguageTag) {
        unit = language.scoringUnit
        let stemmer = Stemmer(language: language)
        self.stemmer = stemmer
        if unit == .word {
            pieces = MatchForm(phrase, unit: .word).tokens.map { $0.hasPrefix("#") ? $0 : stemmer.stem($0) }
        } else {
            pieces = MatchNormalizer().normalize(phrase).filter { !$0.isWhitespace }.map(String.init)
        }
    }

    var isEmpty: Bool { pieces.isEmpty }

    /// For each piece, the index tokens that can stand for it (every inflection for words).
    func candidateTokenGroups(_ snapshot: LanguageSnapshot) -> [[UInt32]] {
        if unit == .character {
            return pieces.map { piece in
                let id = snapshot.lookupID(piece.first!.isNumber ? "#" : piece)
                return id == LanguageIndex.unknownToken ? [] : [id]
            }
        }
        var byStem: [String: [UInt32]] = [:]
        let wanted = Set(pieces)
        for (key, id) in snapshot.vocabulary {
            let stem = stemmer.stem(key.text)
            if wanted.contains(stem) { byStem[stem, default: []].append(id) }
        }
        return pieces.map { piece in
            piece.hasPrefix("#") ? [LanguageIndex.numberToken] : byStem[piece] ?? []
        }
    }

    /// Every occurrence of the phrase in `text`, as character ranges of the display text.
    func occurrences(in text: String) -> [ConcordanceRange] {
        var result: [ConcordanceRange] = []
        if unit == .word {
            let tokens = WordSpan.spans(in: text, unit: .word).map { word -> (range: Range<String.Index>, stem: String) in
                let isNumber = word.key.first?.isNumber ?? false
                return (word.range, isNumber ? "#" + word.key : stemmer.stem(word.key))
            }
            guard tokens.count >= pieces.count else { return [] }
            for start in 0...(tokens.count - pieces.count) where zip(tokens[start..<start + pieces.count], pieces).allSatisfy({ $0.stem == $1 }) {
                let lower = tokens[start].range.lowerBound, upper = tokens[start + pieces.count - 1].range.upperBound
                result.append(ConcordanceRange(start: text.distance(from: text.startIndex, to: lower),
                                               length: text.distance(from: lower, to: upper)))
            }
        } else {
            // Normalize character by character, remembering where each came from.
            let normalizer = MatchNormalizer()
            var characters: [(normalized: String, offset: Int)] = []
            for (offset, character) in text.enumerated() where !character.isWhitespace {
                for piece in normalizer.normalize(String(character)) { characters.append((String(piece), offset)) }
            }
            guard characters.count >= pieces.count else { return [] }
            var start = 0
            while start <= characters.count - pieces.count {
                if zip(characters[start..<start + pieces.count], pieces).allSatisfy({ $0.normalized == $1 }) {
                    let first = characters[start].offset, last = characters[start + pieces.count - 1].offset
                    result.append(ConcordanceRange(start: first, length: last - first + 1))
                    start += pieces.count
                } else {
                    start += 1
                }
            }
        }
        return result
    }
}
