import KiokuText

/// What a final score compares of a text besides its tokens (see ``MatchScoring``): its
/// matching form, its punctuation and its placeables. A ``MatchForm`` without a string per
/// token, since ranking makes one for every candidate it scores.
struct ScoringForm {
    /// The whole matching form (``MatchNormalizer``).
    let normalized: String
    /// The punctuation and symbols of the matching form, in order (``MatchForm/punctuation``'s bytes).
    let punctuation: [UInt8]
    /// The placeables in order, as in ``MatchForm/numbers``.
    let numbers: [String]

    init(_ text: String, unit: ScoringUnit) {
        var normalized = MatchNormalizer().normalize(text)
        var punctuation: [UInt8] = []
        var numbers: [String] = []
        normalized.withUTF8 { bytes in
            TextScanner.scan(utf8: bytes, unit: unit) { piece in
                switch piece.kind {
                case .word, .character: break
                case .number, .placeholder: numbers.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[piece.bytes]), as: UTF8.self))
                case .punctuation: punctuation.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[piece.bytes]))
                }
            }
        }
        self.normalized = normalized
        self.punctuation = punctuation
        self.numbers = numbers
    }

    /// The same parts taken from a text's ``MatchForm`` (the query's, made for the search anyway).
    init(_ form: MatchForm) {
        normalized = form.normalized
        punctuation = Array(form.punctuation.utf8)
        numbers = form.numbers
    }
}
