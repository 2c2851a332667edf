import KiokuTestSupport
import Testing
@testable import KiokuText

@Suite struct MatchNormalizerTests {
    let normalizer = MatchNormalizer()

    /// The byte-level path for English and Russian gives what ICU's NFKC case folding and the
    /// unifications give, on every character it handles, in random mixes (seeded).
    @Test func theFastPathAgreesWithICU() {
        var alphabet: [Unicode.Scalar] = (0x09...0x0D).map { Unicode.Scalar($0)! } + (0x20...0x7E).map { Unicode.Scalar($0)! }
        alphabet += (0x0400...0x045F).map { Unicode.Scalar($0)! }
        alphabet += [0x00A0, 0x00AB, 0x00BB, 0x2000, 0x2005, 0x200A, 0x2010, 0x2013, 0x2014, 0x2015, 0x2018, 0x2019, 0x201C,
                     0x201D, 0x201E, 0x202F, 0x2032, 0x2033, 0x2039, 0x203A, 0x205F, 0x2212, 0x3000].map { Unicode.Scalar($0)! }
        var random = SeededGenerator(seed: 16)
        for _ in 0..<3000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int(random.next() % 24) { text.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
            let string = String(text)
            #expect(MatchNormalizer().normalize(string) == MatchNormalizer.normalizeFully(string), "\(string.debugDescription)")
        }
    }

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
