import KiokuText

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
            let stem = stemmer.stem(key)
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
