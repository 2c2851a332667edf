import KiokuText

/// How analysis counts the size of a segment, as CAT tools do.
///
/// - **Words** (English, Russian and other space-separated languages): a word is a run of
///   letters, digits and combining marks; an apostrophe, hyphen, period or comma between two
///   such characters joins them (`don't`, `Ростов-на-Дону`, `3.5`, `1,000` are one word each).
///   Punctuation and inline codes are not words.
/// - **Japanese** (and Chinese, Korean): every kanji, kana or hangul character counts as one
///   word, and a run of other letters or digits (`G7`, `APEC`) as one more; quotes are given in
///   characters, which is the count CAT tools bill CJK by.
/// - **Characters**: every character except white space, punctuation included, in every language.
public struct WordCount: Sendable, Hashable, Codable {
    public var words: Int
    public var characters: Int

    public init(words: Int = 0, characters: Int = 0) {
        self.words = words
        self.characters = characters
    }

    public init(_ text: String) {
        var words = 0
        var characters = 0
        var inWord = false  // the last character was part of a word (a joiner after one included)
        var joinerPending = false  // …and it was a joiner, which needs a word character next
        for character in text {
            if character.isWhitespace {
                inWord = false
                joinerPending = false
                continue
            }
            characters += 1
            if Self.isCJK(character) {
                words += 1
                inWord = false
                joinerPending = false
            } else if Self.isWordCharacter(character) {
                if !inWord { words += 1 }
                inWord = true
                joinerPending = false
            } else if inWord, !joinerPending, Self.joiners.contains(character) {
                joinerPending = true
            } else {
                inWord = false
                joinerPending = false
            }
        }
        self.words = words
        self.characters = characters
    }

    static let joiners: Set<Character> = ["'", "’", "-", "‐", ".", ",", "_"]

    static func isWordCharacter(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
             0xFF66...0xFF9F, 0xAC00...0xD7AF, 0x20000...0x2FFFF:
            return scalar.value != 0x30FB  // ・ is punctuation; ー belongs to the katakana word
        default:
            return false
        }
    }
}
