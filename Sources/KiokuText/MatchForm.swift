/// A text as fuzzy matching sees it: its matching-form words (or, for Japanese and
/// Chinese, characters) and numbers, in order, plus the punctuation it carries.
///
/// Numbers and placeholders (`%s`, `{0}`, Weblate's `[X10X]`) are placeables: tokens of
/// their own, written `#` + their text (`#15`, `#2016`, `#%s`), so two texts that differ
/// only in placeables align token for token and the placeables can be carried over into a
/// target. ``classKeys`` gives every placeable the same key (`#`), which is what the edit
/// distance compares.
///
/// The pieces come from ``TextScanner`` run over the matching form (``MatchNormalizer``);
/// index and query use this same type, so a match is always judged on equal terms.
public struct MatchForm: Hashable, Sendable {
    /// Words and placeables (`#` + the number or placeholder) in order.
    public var tokens: [String]
    /// The punctuation and symbols, in order, as one string.
    public var punctuation: String
    /// The whole matching form (see ``MatchNormalizer``).
    public var normalized: String

    public init(_ text: String, unit: ScoringUnit) {
        var normalized = MatchNormalizer().normalize(text)
        self.normalized = normalized
        var tokens: [String] = []
        var punctuation: [UInt8] = []
        normalized.withUTF8 { bytes in
            TextScanner.scan(utf8: bytes, unit: unit) { piece in
                let slice = UnsafeBufferPointer(rebasing: bytes[piece.bytes])
                switch piece.kind {
                case .word, .character: tokens.append(String(decoding: slice, as: UTF8.self))
                case .number, .placeholder:
                    tokens.append(String(unsafeUninitializedCapacity: slice.count + 1) { buffer in
                        buffer[0] = UInt8(ascii: "#")
                        _ = UnsafeMutableBufferPointer(rebasing: buffer[1...]).initialize(from: slice)
                        return slice.count + 1
                    })
                case .punctuation: punctuation.append(contentsOf: slice)
                }
            }
        }
        self.tokens = tokens
        self.punctuation = String(decoding: punctuation, as: UTF8.self)
    }

    /// The tokens with every number replaced by `#`: what the edit distance compares.
    public var classKeys: [String] { tokens.map { Self.isPlaceable($0) ? "#" : $0 } }

    /// The placeables (numbers and placeholders), in order, without their `#`.
    public var numbers: [String] { tokens.compactMap { Self.isPlaceable($0) ? String(decoding: $0.utf8.dropFirst(), as: UTF8.self) : nil } }

    /// Whether a token is a placeable (its `#`; a word never starts with one).
    private static func isPlaceable(_ token: String) -> Bool { token.utf8.first == UInt8(ascii: "#") }
}
