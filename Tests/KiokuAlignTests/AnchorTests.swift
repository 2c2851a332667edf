import Testing
import KiokuText
@testable import KiokuAlign

/// What the aligner recognises in both languages, so that a sentence and its translation share keys.
@Suite struct AnchorTests {
    func values(_ text: String, _ language: LanguageTag) -> [String] {
        NumberReader(language: language).numbers(in: Array(text.unicodeScalars)).map(\.key)
    }

    @Test func numbersGetOneKeyWhateverTheSpelling() {
        #expect(values("27,000 cases and 3.5 percent", .english) == ["27000", "3.5"])
        #expect(values("27 000 случаев и 3,5 процента", .russian) == ["27000", "3.5"])
        #expect(values("2万7,000人、3.5％", .japanese) == ["27000", "3.5"])
        #expect(values("5 million people, $1.2 billion", .english) == ["5000000", "1200000000"])
        #expect(values("5 млн человек, 1,2 млрд долларов", .russian) == ["5000000", "1200000000"])
        #expect(values("500万人、12億ドル", .japanese) == ["5000000", "1200000000"])
        #expect(values("14 lakh cases", .english) == ["1400000"])
    }

    @Test func datesAndTimesGiveTheirParts() {
        #expect(values("at 17:23 on 03.09.2016", .russian) == ["17", "23", "3", "9", "2016"])
        #expect(NumberReader.month("September", language: .english) == 9)
        #expect(NumberReader.month("Sept", language: .english) == 9)
        #expect(NumberReader.month("сентября", language: .russian) == 9)
        #expect(NumberReader.month("мая", language: .russian) == 5)
        #expect(NumberReader.month("may", language: .english) == nil)
        #expect(NumberReader.month("мартовский", language: .russian) == nil)
    }

    @Test func namesKeepTheirKeyAcrossScriptsAndCases() {
        func key(_ word: String) -> String? { Transliteration.nameKey(Substring(word)) }
        #expect(key("Putin") == key("Путина"))
        #expect(key("Putin") == key("プーチン"))
        #expect(key("Vladivostok") == key("Владивостоке"))
        #expect(key("Moscow") == key("Москве"))
        #expect(key("Soviet") == key("Советского"))
        #expect(key("Japan") == key("Японии"))
        #expect(key("Trump") == key("トランプ"))
        #expect(key("Putin") != key("Moscow"))
        #expect(key("Abe") == nil)  // too short to mean anything
    }

    @Test func latinWordsKeptInRussianAnchorTheEnglishSide() {
        let vocabulary = AnchorVocabulary()
        let kinds: Set<AnchorKind> = [.latinWord]
        let russian = AnchorExtractor(language: .russian, otherLanguage: .english, vocabulary: vocabulary, kinds: kinds, glossary: nil, lexicon: nil)
        let english = AnchorExtractor(language: .english, otherLanguage: .russian, vocabulary: vocabulary, kinds: kinds, glossary: nil, lexicon: nil)
        let ru = russian.anchors(of: "Компания Apple выпустила iPhone.")
        let en = english.anchors(of: "Apple released the iPhone and the iPad.")
        #expect(ru.count == 2 && ru.allSatisfy(\.expectsPartner))
        #expect(Set(en.map(\.key)) == Set(ru.map(\.key)))
        #expect(en.allSatisfy { !$0.expectsPartner })
    }

    @Test func aLexiconIsLearnedFromKnownPairs() {
        let pairs: [(source: String, target: String)] = [
            ("The treaty was signed.", "Договор был подписан."),
            ("A peace treaty remains elusive.", "Мирный договор пока недостижим."),
            ("The islands are disputed.", "Острова остаются спорными."),
            ("Talks on the islands and the treaty.", "Переговоры об островах и договоре."),
            ("Sanctions hurt trade.", "Санкции ударили по торговле."),
            ("New sanctions were announced.", "Объявлены новые санкции."),
        ]
        let lexicon = AlignmentLexicon(pairs: pairs, sourceLanguage: .english, targetLanguage: .russian)
        let entries = Set(lexicon.entries.map { "\($0.source)=\($0.target)" })
        #expect(entries.contains("treati=договор"))
        #expect(entries.contains("sanction=санкц"))
        let treaty = lexicon.entryIndices(of: LexicalItems(language: .english).items(in: "A treaty at last."), language: .english)
        #expect(!treaty.isEmpty)
        #expect(Set(treaty).isSubset(of: lexicon.entryIndices(of: LexicalItems(language: .russian).items(in: "Наконец договор."), language: .russian)))
    }

    @Test func languagesFromFileNamesThatAgreeWithTheScript() {
        #expect(LanguageGuess.language(path: "/a/summit.ru.txt", paragraphs: ["Москва и Токио."]) == .russian)
        #expect(LanguageGuess.language(path: "/a/000_standard.co.uk.57834.src.txt", paragraphs: ["London calling."]) == .english)
        #expect(LanguageGuess.language(path: "article_ja.docx", paragraphs: ["日本の首相"]) == .japanese)
        #expect(LanguageGuess.language(path: "notes.txt", paragraphs: ["Путин прибыл."]) == .russian)
        #expect(LanguageGuess.language(path: "notes.txt", paragraphs: ["12 345"]) == nil)
    }
}
