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
    /// The words and numbers of `text` (for character languages, also every single
    /// character), with ranges into it: the ``TextScanner`` pieces that are neither
    /// punctuation nor placeholders.
    public static func spans(in text: String, unit: ScoringUnit) -> [WordSpan] {
        let normalizer = MatchNormalizer()
        let utf8 = text.utf8
        var spans: [WordSpan] = []
        TextScanner.scan(text, unit: unit) { piece in
            guard piece.kind != .punctuation, piece.kind != .placeholder else { return }
            let range = utf8.index(utf8.startIndex, offsetBy: piece.bytes.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: piece.bytes.upperBound)
            let word = text[range]
            spans.append(WordSpan(range: range, text: word, key: normalizer.normalize(String(word)), offset: piece.scalars.lowerBound,
                                  length: piece.scalars.count, capitalized: word.unicodeScalars.first.map(isCapital) ?? false))
        }
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
