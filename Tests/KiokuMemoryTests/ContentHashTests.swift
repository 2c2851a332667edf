import KiokuFormats
import KiokuText
import Testing
@testable import KiokuMemory

/// A unit's content hash is stored in every TM: however it is computed, it must stay the hash
/// of the unit's sorted keys (``ContentHash/key(_:)``), FNV-1a, that TMs already hold.
@Suite struct ContentHashTests {
    /// The hash as it was first defined: keys made, sorted as Strings, then hashed.
    static func reference(_ variants: [Variant]) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for key in variants.map(ContentHash.key).sorted() {
            for byte in key.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            hash ^= 0x02
            hash = hash &* 0x100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    static func variant(_ tag: String, _ text: String, markup: String? = nil) -> Variant {
        Variant(language: LanguageTag(tag)!, segment: Segment(text: text, markup: markup))
    }

    @Test func aStoredHashIsUnchanged() {
        // computed by the first release's code; TMs on disk hold hashes made this way
        let unit = TranslationUnit(variants: [Self.variant("en", "Abe met Putin."), Self.variant("ru", "Абэ встретился с Путиным.")])
        #expect(ContentHash.of(unit) == Self.reference(unit.variants))
        #expect(ContentHash.of(unit) == -6_604_023_206_183_816_364)
        let swapped = TranslationUnit(variants: unit.variants.reversed())
        #expect(ContentHash.of(swapped) == ContentHash.of(unit))
    }

    @Test func everyPairHashesAsItsSortedKeys() {
        // tags that are prefixes of one another, regions, the same language twice, markup,
        // empty texts, non-ASCII and decomposed text (whose String order is not its bytes'; two
        // keys Strings hold equal, `é` composed and not, keep the order they came in)
        let tags = ["en", "en-US", "en-GB", "ru", "ru-RU", "ja", "ja-JP", "zh-Hant-TW", "enm", "e"]
        let texts = ["", "Abe", "Abe met Putin.", "Абэ", "安倍晋三", "e\u{301}", "\u{e9}", "T\u{301}x", "\u{307}M", "\u{1}T"]
        var compared = 0
        for (a, tagA) in tags.enumerated() {
            for tagB in tags[a...] {
                guard let left = LanguageTag(tagA), let right = LanguageTag(tagB) else { continue }
                for (t, textA) in texts.enumerated() {
                    let textB = texts[(t * 7 + 3) % texts.count]
                    for markup in [nil, "<g1>" + textA + "</g1>"] {
                        let variants = [Variant(language: left, segment: Segment(text: textA, markup: markup)),
                                        Variant(language: right, segment: Segment(text: textB, markup: nil))]
                        #expect(ContentHash.of(TranslationUnit(variants: variants)) == Self.reference(variants), "\(variants)")
                        #expect(ContentHash.of(TranslationUnit(variants: variants.reversed())) == Self.reference(variants.reversed()))
                        #expect(ContentHash.pair(variants[0], variants[1]) == Self.reference(variants))
                        compared += 1
                    }
                }
            }
        }
        #expect(compared == 900)
        let three = [Self.variant("en", "a"), Self.variant("ru", "б"), Self.variant("ja", "か")]
        #expect(ContentHash.of(TranslationUnit(variants: three)) == Self.reference(three))
    }
}
