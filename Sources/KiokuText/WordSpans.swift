/// A word or number of a display text: where it stands, and its matching form.
public struct WordSpan: Sendable, Hashable {
    /// The characters of the word in the text.
    public let range: Range<String.Index>
    /// The word as written.
    public let text: Substring
    /// The matching form (see ``MatchNormalizer``).
    public let key: String
    /// Where the word starts and how long it is, in Unicode scalars.
    public let offset: Int
    public let length: Int
    /// True when the word begins with a capital letter.
    public let capitalized: Bool
}

extension WordSpan {
    /// The words and numbers of `text`, with ranges into it, by the rules of ``MatchForm``:
    /// letters and marks form words (an apostrophe or period between letters stays inside),
    /// digits with inner `.`/`,` form numbers; for character languages every letter is
    /// its own span. Punctuation and spaces are not spans.
    public static func spans(in text: String, unit: ScoringUnit) -> [WordSpan] {
        let normalizer = MatchNormalizer()
        let scalars = text.unicodeScalars
        var spans: [WordSpan] = []
        var start: String.Index?
        var startOffset = 0
        var offset = 0
        var inNumber = false
        func close(_ end: String.Index) {
            if let begin = start {
                let word = text[begin..<end]
                let first = scalars[begin]
                spans.append(WordSpan(range: begin..<end, text: word, key: normalizer.normalize(String(word)),
                                      offset: startOffset, length: offset - startOffset, capitalized: Self.isCapital(first)))
            }
            start = nil
            inNumber = false
        }
        var index = scalars.startIndex
        while index < scalars.endIndex {
            defer { offset += 1 }
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            let kind = MatchForm.classify(scalar)
            switch kind {
            case .digit:
                if start != nil, !inNumber { close(index) }
                if start == nil { start = index; startOffset = offset; inNumber = true }
            case .letter where unit == .word:
                if inNumber { close(index) }
                if start == nil { start = index; startOffset = offset }
            case .letter, .ideograph:
                close(index)
                spans.append(WordSpan(range: index..<next, text: text[index..<next], key: normalizer.normalize(String(scalar)),
                                      offset: offset, length: 1, capitalized: Self.isCapital(scalar)))
            case .mark:
                if start == nil { close(index) }
            case .space:
                close(index)
            case .other:
                let following = next < scalars.endIndex ? MatchForm.classify(scalars[next]) : .space
                if start != nil, inNumber, scalar == "." || scalar == ",", following == .digit {
                    // a separator inside a number
                } else if start != nil, !inNumber, unit == .word, scalar == "'" || scalar == "’" || scalar == ".", following == .letter {
                    // an apostrophe or period inside a word
                } else {
                    close(index)
                }
            }
            index = next
        }
        close(text.endIndex)
        return spans
    }

    static func isCapital(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x0400...0x042F: return true
        case 0x61...0x7A, 0x0430...0x045F: return false
        default: return scalar.properties.isUppercase
        }
    }
}
