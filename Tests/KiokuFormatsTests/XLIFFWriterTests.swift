import Foundation
import Testing
import KiokuTestSupport
import KiokuText
@testable import KiokuFormats

/// XLIFF 1.2 for tools that read XLIFF: one pair, texts and codes intact, notes and context.
/// (`scripts/validate-exports.sh` checks the files against the OASIS strict schema.)
@Suite struct XLIFFWriterTests {
    static func write(_ units: [TranslationUnit], source: LanguageTag = .english, target: LanguageTag = .russian) throws -> String {
        let path = Scratch.directory().appendingPathComponent("out.xlf").path
        let writer = try XLIFFWriter(path: path, source: source, target: target, original: "test.kioku", toolVersion: "test")
        for unit in units { try writer.write(unit) }
        try writer.finish()
        return path
    }

    @Test func theMultilingualFixtureReadsBackPairByPair() throws {
        let units = try readTMX(Fixtures.path("multilingual.tmx")).units
        for (source, target) in [(LanguageTag.english, LanguageTag.russian), (.russian, .japanese), (.japanese, .english)] {
            let expected = units.filter { $0.variant(source) != nil && $0.variant(target) != nil }
            let back = try readAll(try XLIFFReader(path: try Self.write(units, source: source, target: target))).units
            #expect(back.count == expected.count, "\(source)→\(target)")
            for (unit, read) in zip(expected, back) {
                #expect(read.variant(source)?.segment.text == unit.variant(source)?.segment.text)
                #expect(read.variant(target)?.segment.text == unit.variant(target)?.segment.text)
            }
        }
    }

    @Test func codesKeepTheirIdsAcrossSourceAndTarget() throws {
        let markup = #"<bpt i="1" x="7" type="bold">&lt;b&gt;</bpt>Владивосток<ept i="1">&lt;/b&gt;</ept> и <ph x="2">&lt;br/&gt;</ph>"#
        #expect(XLIFFInlineCodes.content(of: Segment(text: "Владивосток и ", markup: markup))
                == #"<bpt id="7" ctype="bold">&lt;b&gt;</bpt>Владивосток<ept id="7">&lt;/b&gt;</ept> и <ph id="2">&lt;br/&gt;</ph>"#)
        // Without `x`, ids are numbered and never repeat inside a segment.
        let unnumbered = #"<bpt i="1">&lt;i&gt;</bpt>a<ept i="1">&lt;/i&gt;</ept><ph x="1">&lt;x/&gt;</ph><ut>&lt;y/&gt;</ut>"#
        #expect(XLIFFInlineCodes.content(of: Segment(text: "a", markup: unnumbered))
                == #"<bpt id="1">&lt;i&gt;</bpt>a<ept id="1">&lt;/i&gt;</ept><ph id="2">&lt;x/&gt;</ph><ph id="3">&lt;y/&gt;</ph>"#)
    }

    @Test func everyTMXCodeHasAnXLIFFCounterpart() {
        let markup = #"<it pos="end" x="3" type="ulined">&lt;/u&gt;</it> <hi type="x-name">Путин</hi> "#
            + #"<ph type="index">&lt;idx t="<sub>Путин, В.</sub>"/&gt;</ph> &amp; &lt;3"#
        #expect(XLIFFInlineCodes.content(of: Segment(text: " Путин  & <3", markup: markup))
                == #"<it id="3" pos="close" ctype="underlined">&lt;/u&gt;</it> <mrk mtype="x-hi">Путин</mrk> "#
                 + #"<ph id="1" ctype="x-index">&lt;idx t="<sub>Путин, В.</sub>"/&gt;</ph> &amp; &lt;3"#)
        #expect(XLIFFInlineCodes.content(of: Segment(text: "5 < 6 & \"7\"")) == "5 &lt; 6 &amp; \"7\"")
    }

    @Test func notesContextAndIdsAreWritten() throws {
        var unit = TranslationUnit(variants: [Variant(language: .english, text: "Tokyo Bay"),
                                              Variant(language: .russian, segment: Segment(text: "Токийский залив"),
                                                      metadata: Metadata(notes: [Note(text: "checked by the desk")]))],
                                   metadata: Metadata(notes: [Note(text: "from the 2016 summit", language: "en")],
                                                      attributes: [XMLAttribute(name: "tuid", value: "seed-99")]))
        unit.context = "Vladivostok hosted the Eastern Economic Forum."
        let japaneseOnly = TranslationUnit(variants: [Variant(language: .english, text: "Kyoto"), Variant(language: .japanese, text: "京都")])
        let text = try String(contentsOfFile: try Self.write([unit, japaneseOnly]), encoding: .utf8)
        #expect(text.contains(#"<file original="test.kioku" source-language="en" target-language="ru" datatype="plaintext" tool-id="kioku">"#))
        #expect(text.contains(#"<trans-unit id="1" xml:space="preserve" resname="seed-99" approved="yes">"#))
        #expect(text.contains(#"<target state="final">Токийский залив</target>"#))
        #expect(text.contains(#"<context context-type="x-previous-segment">Vladivostok hosted the Eastern Economic Forum.</context>"#))
        #expect(text.contains(#"<note xml:lang="en">from the 2016 summit</note>"#))
        #expect(text.contains(#"<note annotates="target">checked by the desk</note>"#))
        #expect(!text.contains("Kyoto"))  // not in the pair
    }

    @Test func aUnitAGlossaryCheckFlaggedNeedsReview() throws {
        var unit = TranslationUnit(variants: [Variant(language: .english, text: "Shinzo Abe"), Variant(language: .russian, text: "Шинзо Абе")])
        unit.metadata.properties.append(Property(type: TranslationUnit.flagProperty, value: "forbidden Shinzo Abe: «Шинзо Абе»"))
        let text = try String(contentsOfFile: try Self.write([unit]), encoding: .utf8)
        #expect(text.contains(#"<trans-unit id="1" xml:space="preserve">"#))
        #expect(text.contains(#"<target state="needs-review-translation">Шинзо Абе</target>"#))
        #expect(text.contains(#"<note annotates="target">Flagged by a glossary check: forbidden Shinzo Abe: «Шинзо Абе»</note>"#))
    }

    @Test func unescapeUndoesEscape() {
        let text = "a & b < c > d \"e\" \n\t\r 'f' &unknown; &#x41;"
        #expect(XMLEscaping.unescape(Substring(XMLEscaping.escape(text, attribute: true))) == text)
        #expect(XMLEscaping.unescape("&#x41;&#10;") == "A\n")
        #expect(XMLEscaping.unescape("&amp;lt; &apos; &#1055; & ;") == "&lt; ' П & ;")
    }
}
