import Testing
@testable import KiokuText

/// The news cases a sentence splitter must survive, each in the language it comes from.
@Suite struct SentenceSplitterTests {
    let english = SentenceSplitter(language: .english)
    let russian = SentenceSplitter(language: .russian)
    let japanese = SentenceSplitter(language: .japanese)

    @Test func englishParagraphFromTheSeed() {
        let text = "Moscow and Tokyo have still not signed a peace treaty following the end of World War II. The key stumbling block remains the seizure of four Japanese islands by the Soviet Union during the last days of the conflict."
        let sentences = english.sentences(text)
        #expect(sentences.count == 2)
        #expect(sentences[1].hasPrefix("The key stumbling block"))
    }

    @Test func englishAbbreviationsAndTitlesDoNotEndSentences() {
        #expect(english.sentences("Mr. Abe met Dr. Smith and Prof. Ivanov in St. Petersburg on Sept. 3. They talked.")
            == ["Mr. Abe met Dr. Smith and Prof. Ivanov in St. Petersburg on Sept. 3.", "They talked."])
        #expect(english.sentences("See No. 5 and Fig. 2 for details.") == ["See No. 5 and Fig. 2 for details."])
    }

    @Test func dottedAcronymsEndASentenceOnlyBeforeAnOpener() {
        #expect(english.sentences("Talks with the U.S. Secretary of State went well.") == ["Talks with the U.S. Secretary of State went well."])
        #expect(english.sentences("He flew to the U.S. The talks began.") == ["He flew to the U.S.", "The talks began."])
        #expect(english.sentences("U.S.-Japan ties are strong.") == ["U.S.-Japan ties are strong."])
    }

    @Test func initialsStayWithTheName() {
        #expect(russian.sentences("В. В. Путин прибыл во Владивосток. Там его встретил С. Абэ.")
            == ["В. В. Путин прибыл во Владивосток.", "Там его встретил С. Абэ."])
        #expect(english.sentences("J. K. Rowling spoke. She smiled.") == ["J. K. Rowling spoke.", "She smiled."])
    }

    @Test func russianAbbreviations() {
        #expect(russian.sentences("Речь идёт об островах, т.е. о Курилах. Спор длится с 1945 г. Решения нет.")
            == ["Речь идёт об островах, т.е. о Курилах.", "Спор длится с 1945 г.", "Решения нет."])
        #expect(russian.sentences("Встреча прошла в театре им. Чехова на ул. Ленина.") == ["Встреча прошла в театре им. Чехова на ул. Ленина."])
    }

    @Test func decimalsAndTimesAreNotStops() {
        #expect(english.sentences("Growth was 3.5 percent at 17:23 local time. Markets rose.") == ["Growth was 3.5 percent at 17:23 local time.", "Markets rose."])
        #expect(russian.sentences("Рост составил 3,5 процента. Рынки выросли.") == ["Рост составил 3,5 процента.", "Рынки выросли."])
    }

    @Test func closingQuotesAndBracketsStayWithTheirSentence() {
        #expect(english.sentences("“It is a tough choice, but it can be done.” However Russia disagrees.")
            == ["“It is a tough choice, but it can be done.”", "However Russia disagrees."])
        #expect(russian.sentences("«Мы едины в одном — проблему нужно решить», — сказал он. Российский лидер отметил это.")
            == ["«Мы едины в одном — проблему нужно решить», — сказал он.", "Российский лидер отметил это."])
        #expect(english.sentences("He left (for good.) Nobody knew.") == ["He left (for good.)", "Nobody knew."])
        #expect(japanese.sentences("「難しい選択だ。」と述べた。会談は続く。") == ["「難しい選択だ。」と述べた。", "会談は続く。"])
        #expect(japanese.sentences("「信頼が必要だ。難しい選択だ。」") == ["「信頼が必要だ。", "難しい選択だ。」"])
    }

    @Test func japaneseStopsNeedNoSpace() {
        #expect(japanese.sentences("モスクワと東京は平和条約を締結していない。最大の障害は北方四島だ！本当か？はい。")
            == ["モスクワと東京は平和条約を締結していない。", "最大の障害は北方四島だ！", "本当か？", "はい。"])
        #expect(japanese.sentences("「新時代」を築くよう呼びかけた。") == ["「新時代」を築くよう呼びかけた。"])
    }

    @Test func ellipses() {
        #expect(english.sentences("We need … a high level of trust. It is hard.") == ["We need … a high level of trust.", "It is hard."])
        #expect(english.sentences("He waited... Then he left.") == ["He waited...", "Then he left."])
        #expect(english.sentences("He waited... and waited.") == ["He waited... and waited."])
    }

    @Test func listNumbersAndLowerCaseContinuations() {
        #expect(english.sentences("1. Open the file.") == ["1. Open the file."])
        #expect(english.sentences("Apples, pears, etc. are sold here.") == ["Apples, pears, etc. are sold here."])
    }

    @Test func piecesAreVerbatimSlicesOfTheParagraph() {
        let paragraph = "  Премьер Абэ прибыл.\u{00A0}Путин — тоже!  "
        let sentences = russian.sentences(paragraph)
        #expect(sentences == ["Премьер Абэ прибыл.", "Путин — тоже!"])
        for sentence in sentences { #expect(paragraph.contains(sentence)) }
    }
}
