import Testing
@testable import KiokuText

@Suite struct LanguageTagTests {
    @Test func canonicalCase() {
        #expect(LanguageTag("EN-us")?.identifier == "en-US")
        #expect(LanguageTag("ru_RU")?.identifier == "ru-RU")
        #expect(LanguageTag("pt_br")?.identifier == "pt-BR")
        #expect(LanguageTag("zh-hant-tw")?.identifier == "zh-Hant-TW")
        #expect(LanguageTag(" ja ")?.identifier == "ja")
        #expect(LanguageTag("en-x-kioku")?.identifier == "en-x-kioku")
    }

    @Test func comparisonIgnoresCase() {
        #expect(LanguageTag("eN-uS") == LanguageTag("en-US"))
    }

    @Test func rejectsWhatIsNotATag() {
        for bad in ["", "e", "english", "english language", "en--US", "ру", "12", "en-", "*all*", "xx_1", "en-x"] {
            #expect(LanguageTag(bad) == nil, "\(bad)")
        }
    }

    @Test func bareLanguageCoversRegions() throws {
        let ru = try #require(LanguageTag("ru"))
        let ruRU = try #require(LanguageTag("ru-RU"))
        #expect(ru.covers(ruRU))
        #expect(!ruRU.covers(ru))
        #expect(!ru.covers(try #require(LanguageTag("en"))))
        #expect(ruRU.primary == ru)
    }

    @Test func scoringUnits() {
        #expect(LanguageTag("ja-JP")?.scoringUnit == .character)
        #expect(LanguageTag("ru")?.scoringUnit == .word)
        #expect(LanguageTag("en-GB")?.scoringUnit == .word)
    }
}
