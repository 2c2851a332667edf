import Testing
@testable import KiokuText

@Suite struct SentenceSplitterTests {
    @Test func englishParagraphFromTheSeed() throws {
        let text = "Moscow and Tokyo have still not signed a peace treaty following the end of World War II. The key stumbling block remains the seizure of four Japanese islands by the Soviet Union during the last days of the conflict."
        let sentences = try SentenceSplitter(language: .english).sentences(text)
        #expect(sentences.count == 2)
        #expect(sentences[1].hasPrefix("The key stumbling block"))
    }

    @Test func russianWithQuotes() throws {
        let text = "«Мы едины в одном — проблему нужно решить», — сказал он. Российский лидер отметил это."
        let sentences = try SentenceSplitter(language: .russian).sentences(text)
        #expect(sentences == ["«Мы едины в одном — проблему нужно решить», — сказал он.", "Российский лидер отметил это."])
    }

    @Test func japaneseFullStops() throws {
        let text = "モスクワと東京は平和条約を締結していない。最大の障害は北方四島だ。"
        let sentences = try SentenceSplitter(language: .japanese).sentences(text)
        #expect(sentences == ["モスクワと東京は平和条約を締結していない。", "最大の障害は北方四島だ。"])
    }
}
