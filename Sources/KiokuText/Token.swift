/// One scoring unit of a text: a word, a number, a punctuation mark, or (for
/// Japanese and Chinese) a single character.
public struct Token: Hashable, Sendable, CustomStringConvertible {
    /// The token's text, exactly as it stands in the tokenized string.
    public let text: String
    public let kind: Kind
    /// Where the token stands, as UTF-16 offsets into the tokenized string.
    public let range: Range<Int>

    /// What a token is; punctuation weighs less than words when scoring.
    public enum Kind: String, Sendable, Hashable {
        case word, number, punctuation, ideograph, kana
    }

    public init(text: String, kind: Kind, range: Range<Int>) {
        self.text = text
        self.kind = kind
        self.range = range
    }

    public var description: String { text }
}
