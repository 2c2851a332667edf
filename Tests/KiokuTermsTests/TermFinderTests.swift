import Testing
import KiokuTestSupport
import KiokuText
@testable import KiokuTerms

@Suite struct TermFinderTests {
    let russian = TermFinder(glossary: Repository.seedGlossary, language: .russian)
    let english = TermFinder(glossary: Repository.seedGlossary, language: .english)
    let japanese = TermFinder(glossary: Repository.seedGlossary, language: .japanese)

    @Test func aMasculineNameInAllSixCases() {
        for form in ["Путин", "Путина", "Путину", "Путина", "Путиным", "Путине"] {
            #expect(russian.concepts(in: "Об этом сказал \(form) вчера.") == ["vladimir-putin"], "\(form)")
        }
    }

    @Test func aFeminineNameInAllSixCases() {
        for form in ["Москва", "Москвы", "Москве", "Москву", "Москвой", "Москве"] {
            #expect(russian.concepts(in: "Речь шла о том, что \(form) согласна.") == ["moscow"], "\(form)")
        }
    }

    @Test func aPluralNameInAllSixCases() {
        for form in ["Курильские острова", "Курильских островов", "Курильским островам", "Курильские острова",
                     "Курильскими островами", "Курильских островах"] {
            #expect(russian.concepts(in: "Спор о \(form) продолжается.") == ["kuril-islands"], "\(form)")
        }
    }

    @Test func englishPossessivesAndPlurals() {
        #expect(english.concepts(in: "Japan's PM visited Russia's Far East.") == ["japan", "russia", "far-east"])
        #expect(english.concepts(in: "the Kuril Islands' future") == ["kuril-islands"])
    }

    @Test func neverInsideAnotherWord() {
        let countries = TermFinder(glossary: try! GlossaryTable.read(path: Repository.path("glossaries/countries.tsv")), language: .english)
        #expect(countries.concepts(in: "A Belarussian delegation arrived.") == ["BY"] || countries.concepts(in: "A Belarussian delegation arrived.").isEmpty)
        #expect(!countries.concepts(in: "A Belarussian delegation arrived.").contains("RU"))
        #expect(!russian.concepts(in: "Белоруссия и Беларусь").contains("russia"))
    }

    @Test func theFishingSeasonIsNotPutin() {
        // «путина» (the fishing season) is a common noun: a proper name needs its capital
        #expect(russian.concepts(in: "На Камчатке началась путина.").isEmpty)
        #expect(russian.concepts(in: "Визит Путина начался.") == ["vladimir-putin"])
        #expect(russian.concepts(in: "ВИЗИТ ПУТИНА НАЧАЛСЯ") == ["vladimir-putin"])
    }

    @Test func multiWordAndOverlappingTermsLongestWins() {
        #expect(english.concepts(in: "Shinzo Abe met Putin") == ["shinzo-abe", "vladimir-putin"])
        #expect(english.found(in: "Shinzo Abe met Putin") == ["Shinzo Abe", "Putin"])
        #expect(russian.found(in: "на Дальнем Востоке России") == ["Дальнем Востоке России"])
        // every match, overlaps included, for presence checks
        #expect(Set(russian.matches(in: "на Дальнем Востоке России").map(\.conceptID)) == ["far-east", "russia", "russian-far-east"])
    }

    @Test func termsAtTheStartAndEndOfASegment() {
        #expect(english.concepts(in: "Vladivostok") == ["vladivostok"])
        #expect(english.concepts(in: "Tokyo, then Moscow") == ["tokyo", "moscow"])
        #expect(russian.concepts(in: "Владивостоке") == ["vladivostok"])
    }

    @Test func japaneseSubstringsWithoutSpaces() {
        #expect(japanese.concepts(in: "プーチン大統領は安倍首相と会談した") == ["vladimir-putin", "shinzo-abe"])
        #expect(japanese.concepts(in: "ロシア極東の都市") == ["russian-far-east"])  // not ロシア + 極東
        #expect(japanese.concepts(in: "ロシアの指導者") == ["russia"])
    }

    @Test func japaneseMiddleDotIsOptional() {
        #expect(japanese.concepts(in: "ウラジーミルプーチン氏") == ["vladimir-putin"])
        #expect(japanese.found(in: "ウラジーミル・プーチン氏") == ["ウラジーミル・プーチン"])
        #expect(japanese.concepts(in: "ｳﾗｼﾞｵｽﾄｸで") == ["vladivostok"])  // half-width katakana, NFKC
    }

    @Test func caseSensitiveTerms() {
        var glossary = Glossary()
        glossary.concepts = [Concept(id: "who", type: .organization, terms: [Term(language: .english, text: "WHO", caseSensitive: true)])]
        let finder = TermFinder(glossary: glossary, language: .english)
        #expect(finder.concepts(in: "The WHO said") == ["who"])
        #expect(finder.concepts(in: "who said that").isEmpty)
        #expect(finder.concepts(in: "Who said that").isEmpty)
    }
}

@Suite struct RussianFormsTests {
    let countries = try! GlossaryTable.read(path: Repository.path("glossaries/countries.tsv"))

    @Test func formsSnowballStemsApartAreStillFound() {
        // Snowball stems Пакистан to «пакиста» but Пакистаном to «пакистан»; Египет loses its е in Египта
        let finder = TermFinder(glossary: countries, language: .russian)
        for text in ["с Пакистаном", "в Пакистане", "Палата представителей Египта", "в Египте", "с Индией"] {
            #expect(!finder.concepts(in: text).isEmpty, "\(text)")
        }
        #expect(finder.concepts(in: "с Пакистаном") == ["PK"])
    }

    @Test func anAdjectiveSatisfiesAPlaceNameInTheTarget() {
        let checker = GlossaryChecker(glossary: countries, source: .english, target: .russian)
        #expect(checker.check(source: "Egypt court refers the case", target: "Египетский суд направил дело", location: "x").isEmpty)
        #expect(checker.check(source: "China's Global Times", target: "китайской газеты Global Times", location: "x").isEmpty)
        #expect(checker.check(source: "anti-Pakistan militants", target: "антипакистанских боевиков", location: "x").isEmpty)
        // but it does not make the name appear where the source has none
        let finder = TermFinder(glossary: countries, language: .russian)
        #expect(finder.concepts(in: "Египетский суд").isEmpty)
    }

    @Test func englishAdjectivesAreNotTheCountry() {
        let finder = TermFinder(glossary: countries, language: .english)
        #expect(finder.concepts(in: "Russian President Putin").isEmpty)
        #expect(finder.concepts(in: "Japanese islands").isEmpty)
        #expect(finder.concepts(in: "Japan's islands") == ["JP"])
    }
}
