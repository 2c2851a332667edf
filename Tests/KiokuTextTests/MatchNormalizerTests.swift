import Testing
@testable import KiokuText

@Suite struct MatchNormalizerTests {
    let normalizer = MatchNormalizer()

    @Test func foldsCaseInEveryScript() {
        #expect(normalizer.normalize("ПУТИН встретился с АБЭ") == "путин встретился с абэ")
        #expect(normalizer.normalize("Japan’s PM") == "japan's pm")
    }

    @Test func yoBecomesYe() {
        #expect(normalizer.normalize("Ещё ЁЛКА") == "еще елка")
    }

    @Test func unifiesQuotesDashesAndSpaces() {
        #expect(normalizer.normalize("«новую эру» — “a new era”") == "\"новую эру\" - \"a new era\"")
        #expect(normalizer.normalize("15\u{00A0}декабря\u{2009}2016") == "15 декабря 2016")
        #expect(normalizer.normalize("日本\u{3000}ロシア") == "日本 ロシア")
        #expect(normalizer.normalize("  spaced \t out\n") == "spaced out")
    }

    @Test func widthIsFolded() {
        #expect(normalizer.normalize("１２月１５日") == "12月15日")
        #expect(normalizer.normalize("ＮＨＫ") == "nhk")
        #expect(normalizer.normalize("ｳﾗｼﾞｵｽﾄｸ") == "ウラジオストク")
    }

    @Test func displayTextIsUntouchedByDesign() {
        let original = "Владивосток\u{00A0}— «Восточный»"
        _ = normalizer.normalize(original)
        #expect(original == "Владивосток\u{00A0}— «Восточный»")
    }
}
