import KiokuText

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
    private var stems: [ByteKey: String] = [:]
    private var wordPatterns: [ByteKey: [WordPattern]] = [:]  // by first stem
    private var characterPatterns: [Character: [CharacterPattern]] = [:]  // by first character
    /// Russian: patterns by the first three letters of their first word's inflection base.
    private var basePatterns: [ByteKey: [(base: String, pattern: WordPattern)]] = [:]

    final class WordPattern {
        let id: Int
        let concept: String
        let term: Term
        let stems: [String]
        let exact: [String]?  // case-sensitive: the words as written
        let capitalized: [Bool]  // proper-name words: the text must be capitalized too
        /// Forbidden terms: the words in matching form; a text word must begin with each, so a
        /// stem shared with the approved spelling (Токё, Токио → ток) does not make it forbidden.
        let surface: [String]?
        /// Russian: each word without its final vowels, for inflected forms Snowball stems
        /// differently (Пакистан → пакиста, but Пакистаном → пакистан).
        let inflectionBases: [String]

        init(id: Int, concept: String, term: Term, stems: [String], exact: [String]?, capitalized: [Bool], surface: [String]?,
             inflectionBases: [String]) {
            self.id = id
            self.concept = concept
            self.term = term
            self.stems = stems
            self.exact = exact
            self.capitalized = capitalized
            self.surface = surface
            self.inflectionBases = inflectionBases
        }
    }

    final class CharacterPattern {
        let concept: String
        let term: Term
        let characters: [Character]

        init(concept: String, term: Term, characters: [Character]) {
            self.concept = concept
            self.term = term
            self.characters = characters
        }
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
                        id: wordPatterns.values.reduce(0) { $0 + $1.count },
                        concept: concept.id, term: term, stems: words.map { stem($0.key) },
                        exact: term.caseSensitive ? words.map { String($0.text) } : nil,
                        capitalized: words.map(\.capitalized),
                        surface: term.status == .forbidden ? words.map(\.key) : nil,
                        inflectionBases: words.map { Self.inflectionBase($0.key) })
                    wordPatterns[ByteKey(pattern.stems[0]), default: []].append(pattern)
                    if language.language == "ru", pattern.inflectionBases[0].count >= 3 {
                        let base = pattern.inflectionBases[0]
                        basePatterns[ByteKey(String(base.prefix(3))), default: []].append((base, pattern))
                        let characters = Array(base)
                        if characters.count >= 4, "еоё".contains(characters[characters.count - 2]) {
                            let fleeting = String(characters.dropLast(2)) + String(characters.last!)
                            basePatterns[ByteKey(String(fleeting.prefix(3))), default: []].append((fleeting, pattern))
                        }
                    }
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
        let cacheKey = ByteKey(key)
        if let known = stems[cacheKey] { return known }
        let value = key.first?.isNumber == true ? key : stemmer.stem(key)
        stems[cacheKey] = value
        return value
    }

    /// Every match of every term, overlaps included, in text order.
    public func matches(in text: String) -> [TermOccurrence] {
        unit == .word ? wordMatches(text) : characterMatches(text)
    }

    /// Russian relational adjectives of one-word place names, for presence checks only:
    /// египетский (Египет), германской (Германия), китайской (Китай), кенийская (Кения),
    /// антипакистанских (Пакистан). A translator may render "Egypt court" as «Египетский суд».
    public func derivedMatches(in text: String) -> [TermOccurrence] {
        derivedMatches(in: text, words: WordSpan.spans(in: text, unit: .word))
    }

    func derivedMatches(in text: String, words: [WordSpan]) -> [TermOccurrence] {
        guard language.language == "ru", !placeBases.isEmpty else { return [] }
        var found: [TermOccurrence] = []
        let infixes = ["ск", "йск", "ийск", "ейск", "айск", "анск", "енск", "инск"]
        for word in words where word.key.count > 4 && word.key.contains("ск") {
            let key = word.key
            for prefix in ["", "анти", "про", "пост"] where key.hasPrefix(prefix) {
                let rest = key.dropFirst(prefix.count)
                guard rest.count >= 5, let candidates = placeBases[ByteKey(String(rest.prefix(3)))] else { continue }
                for (base, pattern) in candidates where rest.hasPrefix(base) {
                    let tail = rest.dropFirst(base.count)
                    guard infixes.contains(where: { tail.hasPrefix($0) }) else { continue }
                    found.append(TermOccurrence(conceptID: pattern.concept, term: pattern.term.text, status: .admitted,
                                                found: String(word.text), start: word.offset, length: word.length))
                }
            }
        }
        return found
    }

    /// One-word approved Russian place names by the first three letters of their adjective
    /// base (the stem without a final vowel or й).
    private lazy var placeBases: [ByteKey: [(base: String, pattern: WordPattern)]] = {
        guard language.language == "ru" else { return [:] }
        var bases: [ByteKey: [(base: String, pattern: WordPattern)]] = [:]
        for patterns in wordPatterns.values {
            for pattern in patterns where pattern.stems.count == 1 && pattern.term.status != .forbidden && pattern.capitalized[0] {
                var base = pattern.stems[0]
                while let last = base.last, "аеёиоуыэюяй".contains(last) { base.removeLast() }
                if base.count >= 3 { bases[ByteKey(String(base.prefix(3))), default: []].append((base, pattern)) }
            }
        }
        return bases
    }()

    /// The terms in `text`, longest first where they overlap.
    public func occurrences(in text: String) -> [TermOccurrence] {
        Self.longest(matches(in: text))
    }

    /// From all matches, the longest where they overlap, in text order.
    static func longest(_ matches: [TermOccurrence]) -> [TermOccurrence] {
        var chosen: [TermOccurrence] = []
        var coveredUntil = -1
        for match in matches.sorted(by: { $0.start != $1.start ? $0.start < $1.start : $0.length > $1.length }) {
            if match.start < coveredUntil { continue }
            chosen.append(match)
            coveredUntil = match.start + match.length
        }
        return chosen
    }

    /// A Russian word without its final vowels, й and ь: the part every case form begins with
    /// (Москва → москв: Москвой, Москве; Индия → инди: Индией; острова → остров: островах).
    static func inflectionBase(_ key: String) -> String {
        var base = Substring(key)
        while let last = base.last, "аеёиоуыэюяйь".contains(last) { base = base.dropLast() }
        return String(base)
    }

    /// Whether a text word is a form of a term word: the same stem, or (Russian) the term's
    /// inflection base followed by a short ending.
    private func sameWord(_ word: WordSpan, stem wordStem: String, _ pattern: WordPattern, _ offset: Int) -> Bool {
        if wordStem == pattern.stems[offset] { return true }
        guard language.language == "ru" else { return false }
        var base = pattern.inflectionBases[offset]
        if !word.key.hasPrefix(base), base.count >= 4 {
            // a fleeting vowel: Египет → Египта, Алжир stays; -ец/-ок/-ек lose their vowel too
            let characters = Array(base)
            if "еоё".contains(characters[characters.count - 2]) {
                base = String(characters.dropLast(2)) + String(characters.last!)
            }
        }
        guard base.count >= 3, word.key.hasPrefix(base) else { return false }
        let ending = word.key.dropFirst(base.count)
        return ending.count <= 4 && ending.allSatisfy { "аеёиоуыэюяйьмхв".contains($0) }
    }

    private func wordMatches(_ text: String) -> [TermOccurrence] {
        let words = WordSpan.spans(in: text, unit: .word)
        guard !words.isEmpty, !wordPatterns.isEmpty else { return [] }
        let wordStems = words.map { stem($0.key) }
        var found: [TermOccurrence] = []
        for start in words.indices {
            var candidates = wordPatterns[ByteKey(wordStems[start])] ?? []
            if !basePatterns.isEmpty, let more = basePatterns[ByteKey(String(words[start].key.prefix(3)))] {
                let key = words[start].key
                for entry in more where key.hasPrefix(entry.base) && !candidates.contains(where: { $0.id == entry.pattern.id }) {
                    candidates.append(entry.pattern)
                }
            }
            guard !candidates.isEmpty else { continue }
            for pattern in candidates where start + pattern.stems.count <= words.count {
                var matches = true
                for offset in 0..<pattern.stems.count {
                    let word = words[start + offset]
                    if !sameWord(word, stem: wordStems[start + offset], pattern, offset) { matches = false; break }
                    if let surface = pattern.surface, !word.key.hasPrefix(surface[offset]) { matches = false; break }
                    if let exact = pattern.exact {
                        // case-sensitive: the same letters, inflection allowed after the written form
                        if !word.text.hasPrefix(exact[offset]) { matches = false; break }
                    } else if pattern.capitalized[offset], !word.capitalized {
                        matches = false; break
                    }
                }
                guard matches else { continue }
                let first = words[start], last = words[start + pattern.stems.count - 1]
                found.append(TermOccurrence(conceptID: pattern.concept, term: pattern.term.text, status: pattern.term.status,
                                            found: String(text[first.range.lowerBound..<last.range.upperBound]),
                                            start: first.offset, length: last.offset + last.length - first.offset))
            }
        }
        return found
    }

    private func characterMatches(_ text: String) -> [TermOccurrence] {
        guard !characterPatterns.isEmpty else { return [] }
        let characters = Self.folded(text)
        let original = Array(text.unicodeScalars)
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
                var foundText = String.UnicodeScalarView()
                foundText.append(contentsOf: original[first...last])
                found.append(TermOccurrence(conceptID: pattern.concept, term: pattern.term.text, status: pattern.term.status,
                                            found: String(foundText), start: first, length: last - first + 1))
            }
        }
        return found
    }

    /// The text folded for substring search: NFKC and case folding character by character,
    /// spaces and middle dots dropped, each with the offset of the character it came from.
    static func folded(_ text: String) -> [(character: Character, offset: Int)] {
        let normalizer = MatchNormalizer()
        var out: [(Character, Int)] = []
        var offset = 0  // in Unicode scalars
        for character in text {
            defer { offset += character.unicodeScalars.count }
            if character.isWhitespace || character == "・" || character == "･" || character == "·" { continue }
            if character.isASCII {
                out.append((Character(character.lowercased()), offset))
                continue
            }
            for piece in normalizer.normalize(String(character)) where piece != "・" {
                out.append((piece, offset))
            }
        }
        return out
    }
}
