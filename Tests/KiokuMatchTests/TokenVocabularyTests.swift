import Testing
@testable import KiokuMatch

/// The index's vocabulary finds every key it holds by its bytes, and no other: through the
/// table's growth, with keys that share their first bytes, and with a key inserted twice.
@Suite struct TokenVocabularyTests {
    static func id(_ vocabulary: TokenVocabulary, _ key: String) -> UInt32? {
        var key = key
        return key.withUTF8 { vocabulary.id(utf8: $0) }
    }

    @Test func everyKeyIsFoundThroughGrowthAndNoOther() {
        var vocabulary = TokenVocabulary()
        // words of every length, Cyrillic and Japanese among them, that share prefixes
        let keys = (0..<50_000).map { number in
            switch number % 4 {
            case 0: "word\(number)"
            case 1: "слово\(number)"
            case 2: "言葉\(number)"
            default: String(repeating: "x", count: number % 23) + "\(number)"
            }
        } + [""]
        for (number, key) in keys.enumerated() { vocabulary.insert(key, id: UInt32(number * 3)) }
        #expect(vocabulary.count == keys.count)
        #expect(vocabulary.highestID == UInt32((keys.count - 1) * 3))
        for (number, key) in keys.enumerated() where Self.id(vocabulary, key) != UInt32(number * 3) {
            Issue.record("\(key) has \(String(describing: Self.id(vocabulary, key))), not \(number * 3)")
            break
        }
        for missing in ["word1", "слово0", "言葉", "x", "word50000", "wor"] { #expect(Self.id(vocabulary, missing) == nil, "\(missing)") }
        // a key held keeps its id; the order of iteration is the order added
        vocabulary.insert("word0", id: 999_999)
        #expect(Self.id(vocabulary, "word0") == 0 && vocabulary.count == keys.count)
        #expect(vocabulary.map(\.key) == keys)
        #expect(vocabulary["слово1"] == 3)
    }
}
