import Testing
@testable import KiokuText

@Suite struct TokenizerTests {
    @Test func englishWordsNumbersAndPunctuation() throws {
        let tokenizer = try Tokenizer(language: .english)
        let tokens = tokenizer.tokens("Japan’s PM Shinzo Abe met Putin on December 15.")
        #expect(tokens.map(\.text) == ["Japan’s", "PM", "Shinzo", "Abe", "met", "Putin", "on", "December", "15", "."])
        #expect(tokens.first { $0.text == "15" }?.kind == .number)
        #expect(tokens.last?.kind == .punctuation)
        #expect(tokens[2].kind == .word)
    }

    @Test func russianWordsKeepTheirInflection() throws {
        let tokenizer = try Tokenizer(language: .russian)
        let tokens = tokenizer.tokens("«Мы едины в одном — проблему нужно решить», — сказал Путин.")
        let words = tokens.filter { $0.kind == .word }.map(\.text)
        #expect(words == ["Мы", "едины", "в", "одном", "проблему", "нужно", "решить", "сказал", "Путин"])
        #expect(tokens.contains { $0.text == "«" && $0.kind == .punctuation })
    }

    @Test func rangesPointIntoTheText() throws {
        let text = "Абэ и Путин"
        let tokens = try Tokenizer(language: .russian).tokens(text)
        let utf16 = Array(text.utf16)
        for token in tokens {
            #expect(String(decoding: utf16[token.range], as: UTF16.self) == token.text)
        }
    }

    @Test func japaneseIsScoredByCharacter() throws {
        let tokenizer = try Tokenizer(language: .japanese)
        let tokens = tokenizer.tokens("プーチン大統領はウラジオストクで")
        #expect(tokens.count == 16)
        #expect(tokens.map(\.text).joined() == "プーチン大統領はウラジオストクで")
        #expect(tokens[0].kind == .kana)
        #expect(tokens[4].kind == .ideograph)
    }

    @Test func japaneseSkipsSpacesAndMarksDigits() throws {
        let tokens = try Tokenizer(language: .japanese).tokens("12月15日\u{3000}日本")
        #expect(tokens.map(\.text) == ["1", "2", "月", "1", "5", "日", "日", "本"])
        #expect(tokens[0].kind == .number)
    }

    @Test func emptyTextHasNoTokens() throws {
        #expect(try Tokenizer(language: .english).tokens("").isEmpty)
        #expect(try Tokenizer(language: .english).tokens("   ").isEmpty)
        #expect(try Tokenizer(language: .japanese).tokens("\u{3000}").isEmpty)
    }
}
