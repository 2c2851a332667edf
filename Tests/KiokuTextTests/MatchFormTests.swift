import Testing
@testable import KiokuText

@Suite struct MatchFormTests {
    @Test func englishWordsNumbersAndPunctuation() {
        let form = MatchForm("Japan’s PM met Putin on December 15, 2016.", unit: .word)
        #expect(form.tokens == ["japan's", "pm", "met", "putin", "on", "december", "#15", "#2016"])
        #expect(form.classKeys == ["japan's", "pm", "met", "putin", "on", "december", "#", "#"])
        #expect(form.numbers == ["15", "2016"])
        #expect(form.punctuation == ",.")
    }

    @Test func numbersKeepInnerSeparators() {
        #expect(MatchForm("10,000 people and 3.5%", unit: .word).tokens == ["#10,000", "people", "and", "#3.5"])
    }

    @Test func russianFoldsCaseAndYo() {
        let form = MatchForm("«Мы едины в одном — ЁЛКИ», — сказал Путин.", unit: .word)
        #expect(form.tokens == ["мы", "едины", "в", "одном", "елки", "сказал", "путин"])
        #expect(form.punctuation == "\"-\",-.")
    }

    @Test func japaneseByCharacterWithNumbersWhole() {
        let form = MatchForm("プーチン大統領は12月15日に、日本で会談する。", unit: .character)
        #expect(form.tokens == ["プ", "ー", "チ", "ン", "大", "統", "領", "は", "#12", "月", "#15", "日", "に", "日", "本", "で", "会", "談", "す", "る"])
        #expect(form.punctuation == "、。")
    }

    @Test func widthAndSpacingDoNotChangeTheKeys() {
        #expect(MatchForm("ＮＨＫ　１５", unit: .word).tokens == MatchForm("NHK 15", unit: .word).tokens)
        #expect(MatchForm("ｳﾗｼﾞｵｽﾄｸ", unit: .character).tokens == MatchForm("ウラジオストク", unit: .character).tokens)
    }

    @Test func emptyAndPunctuationOnly() {
        #expect(MatchForm("", unit: .word).tokens.isEmpty)
        #expect(MatchForm("…!?", unit: .word).tokens.isEmpty)
    }
}
