/// A word or number of a display text: where it stands, and its matching form.
public struct WordSpan: Sendable, Hashable {
    /// The characters of the word in the text.
    public let range: Range<String.Index>
    /// The word as written.
    public let text: Substring
    /// The matching form (see ``MatchNormalizer``).
    public let key: String
}

extension WordSpan {
    /// The words and numbers of `text`, with ranges into it, by the rules of ``MatchForm``:
    /// letters and marks form words (an apostrophe or period between letters stays inside),
    /// digits with inner `.`/`,` form numbers; for character languages every letter is
    /// its own span. Punctuation and spaces are not spans.
    public static func spans(in text: String, unit: ScoringUnit) -> [WordSpan] {
        let normalizer = MatchNormalizer()
        var spans: [WordSpan] = []
        var start: String.Index?
        var inNumber = false
        func close(_ end: String.Index) {
            if let begin = start {
                let word = text[begin..<end]
                spans.append(WordSpan(range: begin..<end, text: word, key: normalizer.normalize(String(word))))
            }
            start = nil
            inNumber = false
        }
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            let following = next < text.endIndex ? text[next] : " "
            if character.isNumber, character.isASCII || character.unicodeScalars.first?.properties.numericType == .decimal {
                if start != nil, !inNumber { close(index) }
                if start == nil { start = index; inNumber = true }
            } else if character.isLetter || (start != nil && character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .nonspacingMark }) {
                if unit == .character {
                    close(index)
                    spans.append(WordSpan(range: index..<next, text: text[index..<next], key: normalizer.normalize(String(character))))
                } else {
                    if inNumber { close(index) }
                    if start == nil { start = index }
                }
            } else if start != nil, inNumber, character == "." || character == ",", following.isNumber {
                // a separator inside a number
            } else if start != nil, !inNumber, unit == .word, character == "'" || character == "’" || character == ".", following.isLetter {
                // an apostrophe or period inside a word
            } else {
                close(index)
            }
            index = next
        }
        close(text.endIndex)
        return spans
    }
}
