import KiokuText

/// Where a glossary term stands in a text.
public struct TermOccurrence: Sendable, Hashable, Codable {
    public var conceptID: String
    /// The glossary's term.
    public var term: String
    public var status: TermStatus
    /// The text as it stands in the segment (an inflected form for Russian).
    public var found: String
    /// Character offset and length in the segment.
    public var start: Int
    public var length: Int
}

/// Finds a glossary's terms of one language in texts.
///
/// - English and Russian: terms are sequences of Snowball stems over word tokens, so
///   "Japan's", "Путина", "Путиным", "Курильских островах", "Владивостоке" are found, and
///   never inside another word ("Russia" is not in "Belarussian"). Case does not matter,
///   with one rule for names: a term written with a capital (a proper name) only matches a
///   word written with a capital, so the fishing season «путина» is not «Путина» (Putin's
///   genitive), and "turkey" the bird is not "Turkey". A term marked case-sensitive
///   matches only its exact spelling. A forbidden term must also be spelled out (inflected
///   endings allowed): its stem alone may be the approved term's (Токё and Токио).
/// - Japanese and Chinese: terms are substrings of the normalized text (NFKC, case fold),
///   with the middle dot optional (ウラジーミル・プーチン = ウラジーミルプーチン).
/// - Listing (`occurrences`) gives the longest match where terms overlap (ロシア極東 over
///   ロシア); `matches` gives every match, overlaps included.
///
/// Keeps a stem cache: use one finder per thread.
public final class TermFinder {
    public let language: LanguageTag
    private let unit: ScoringUnit
    private let stemmer: Stemmer
    private var stems: [String: String] = [:]
    private var wordPatterns: [String: [WordPattern]] = [:]  // by first stem
    private var characterPatterns: [Character: [CharacterPattern]] = [:]  // by first character

    struct WordPattern {
        let concept: String
        let term: Term
        let stems: [String]
        let exact: [String]?  // case-sensitive: the words as written
        let capitalized: [Bool]  // proper-name words: the text must be capitalized too
        /// Forbidden terms: the words in matching form; a text word must begin with each, so a
        /// stem shared with the approved spelling (Токё, Токио → ток) does not make it forbidden.
        let surface: [String]?
    }

    struct CharacterPattern {
        let concept: String
        let term: Term
        let characters: [Character]
    }

    public init(glossary: Glossary, language: LanguageTag) {
        self.language = language
        unit = language.scoringUnit
        stemmer = Stemmer(language: language)
        for concept in glossary.concepts {
            for term in concept.terms where language.primary.covers(term.language) {
                if unit == .word {
                    let words = WordSpan.spans(in: term.text, unit: .word)
                    guard !words.isEmpty else { continue }
                    let pattern = WordPattern(
                        concept: concept.id, term: term, stems: words.map { stem($0.key) },
                        exact: term.caseSensitive ? words.map { String($0.text) } : nil,
                        capitalized: words.map { $0.text.first?.isUppercase ?? false },
                        surface: term.status == .forbidden ? words.map(\.key) : nil)
                    wordPatterns[pattern.stems[0], default: []].append(pattern)
                } else {
                    let characters = Self.folded(term.text).map(\.character)
                    guard let first = characters.first else { continue }
                    characterPatterns[first, default: []].append(CharacterPattern(concept: concept.id, term: term, characters: characters))
                }
            }
        }
        for key in wordPatterns.keys { wordPatterns[key]!.sort { $0.stems.count > $1.stems.count } }
        for key in characterPatterns.keys { characterPatterns[key]!.sort { $0.characters.count > $1.characters.count } }
    }

    private func stem(_ key: String) -> String {
        if let known = stems[key] { return known }
        let value = key.first?.isNumber == true ? key : stemmer.stem(key)
        stems[key] = value
        return value
    }

    /// Every match of every term, overlaps included, in text order.
    public func matches(in text: String) -> [TermOccurrence] {
        unit == .word ? wordMatches(text) : characterMatches(text)
    }

    /// The terms in `text`, longest first where they overlap.
    public func occurrences(in text: String) -> [TermOccurrence] {
        var chosen: [TermOccurrence] = []
        var coveredUntil = -1
        for match in matches(in: text).sorted(by: { $0.start != $1.start ? $0.start < $1.start : $0.length > $1.length }) {
            if match.start < coveredUntil { continue }
            chosen.append(match)
            coveredUntil = match.start + match.length
        }
        return chosen
    }

    private func wordMatches(_ text: String) -> [TermOccurrence] {
        let words = WordSpan.spans(in: text, unit: .word)
        guard !words.isEmpty, !wordPatterns.isEmpty else { return [] }
        let wordStems = words.map { stem($0.key) }
        var found: [TermOccurrence] = []
        for start in words.indices {
            guard let candidates = wordPatterns[wordStems[start]] else { continue }
            for pattern in candidates where start + pattern.stems.count <= words.count {
                var matches = true
                for offset in 0..<pattern.stems.count {
                    let word = words[start + offset]
                    if wordStems[start + offset] != pattern.stems[offset] { matches = false; break }
                    if let surface = pattern.surface, !word.key.hasPrefix(surface[offset]) { matches = false; break }
                    if let exact = pattern.exact {
                        // case-sensitive: the same letters, inflection allowed after the written form
                        if !word.text.hasPrefix(exact[offset]) { matches = false; break }
                    } else if pattern.capitalized[offset], !(word.text.first?.isUppercase ?? false) {
                        matches = false; break
                    }
                }
                guard matches else { continue }
                let lower = words[start].range.lowerBound, upper = words[start + pattern.stems.count - 1].range.upperBound
                found.append(TermOccurrence(conceptID: pattern.concept, term: pattern.term.text, status: pattern.term.status,
                                            found: String(text[lower..<upper]),
                                            start: text.distance(from: text.startIndex, to: lower),
                                            length: text.distance(from: lower, to: upper)))
            }
        }
        return found
    }

    private func characterMatches(_ text: String) -> [TermOccurrence] {
        guard !characterPatterns.isEmpty else { return [] }
        let characters = Self.folded(text)
        let original = Array(text)
        var found: [TermOccurrence] = []
        for start in characters.indices {
            guard let candidates = characterPatterns[characters[start].character] else { continue }
            for pattern in candidates where start + pattern.characters.count <= characters.count {
                var matches = true
                for offset in 1..<max(1, pattern.characters.count) where characters[start + offset].character != pattern.characters[offset] {
                    matches = false
                    break
                }
                guard matches else { continue }
                let first = characters[start].offset, last = characters[start + pattern.characters.count - 1].offset
                found.append(TermOccurrence(conceptID: pattern.concept, term: pattern.term.text, status: pattern.term.status,
                                            found: String(original[first...last]), start: first, length: last - first + 1))
            }
        }
        return found
    }

    /// The text folded for substring search: NFKC and case folding character by character,
    /// spaces and middle dots dropped, each with the offset of the character it came from.
    static func folded(_ text: String) -> [(character: Character, offset: Int)] {
        let normalizer = MatchNormalizer()
        var out: [(Character, Int)] = []
        for (offset, character) in text.enumerated() {
            if character.isWhitespace || character == "・" || character == "･" || character == "·" { continue }
            for piece in normalizer.normalize(String(character)) where piece != "・" {
                out.append((piece, offset))
            }
        }
        return out
    }
}
