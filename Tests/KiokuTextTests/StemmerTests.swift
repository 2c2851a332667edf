import Testing
@testable import KiokuText

@Suite struct StemmerTests {
    @Test func russianNameInAllCases() {
        let stemmer = Stemmer(language: .russian)
        #expect(stemmer.isAvailable)
        let forms = ["Путин", "Путина", "Путину", "Путиным", "Путине"]
        #expect(Set(forms.map(stemmer.stem)) == ["путин"])
    }

    @Test func russianPlaceNames() {
        let stemmer = Stemmer(language: .russian)
        #expect(stemmer.stem("Владивостоке") == stemmer.stem("Владивосток"))
        #expect(stemmer.stem("Курильских") == stemmer.stem("Курильские"))
        #expect(stemmer.stem("островах") == stemmer.stem("острова"))
    }

    @Test func englishPossessivesAndPlurals() {
        let stemmer = Stemmer(language: .english)
        #expect(stemmer.stem("islands") == "island")
        #expect(stemmer.stem("Japan's") == stemmer.stem("Japan"))
        #expect(stemmer.stem("relations") == stemmer.stem("relation"))
    }

    @Test func languagesWithoutAnAlgorithmGetTheFoldedWord() {
        let stemmer = Stemmer(language: .japanese)
        #expect(!stemmer.isAvailable)
        #expect(stemmer.stem("ＴＡＳＳ") == "tass")
    }
}
