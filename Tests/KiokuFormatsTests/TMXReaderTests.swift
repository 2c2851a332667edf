import Foundation
import Testing
import KiokuTestSupport
import KiokuText
@testable import KiokuFormats

@Suite struct TMXReaderTests {
    @Test func multilingualUnitWithMetadata() throws {
        let result = try readTMX(Fixtures.path("multilingual.tmx"))
        #expect(result.skips.isEmpty)
        #expect(result.units.count == 4)
        let unit = result.units[0]
        #expect(unit.languages.map(\.identifier) == ["en", "ru", "ja"])
        #expect(unit.sourceLanguage == .english)
        #expect(unit.variant(.russian)?.segment.text == "Абэ встретился с Путиным во Владивостоке.")
        #expect(unit.metadata.creationDate == "20160903T172300Z")
        #expect(unit.metadata.creationUser == "desk")
        #expect(unit.metadata.changeDate == "20160904T080000Z")
        #expect(unit.metadata.changeUser == "editor")
        #expect(unit.metadata.attribute("tuid") == "u1")
        #expect(unit.metadata.attribute("usagecount") == "3")
        #expect(unit.metadata.notes == [Note(text: "Lead sentence", language: "en")])
        #expect(unit.context == "Japan’s PM calls for ‘new era’")
        #expect(unit.variant(.russian)?.metadata.creationUser == "translator-ru")
        #expect(unit.variant(.russian)?.metadata.property("x-origin") == "desk")
        #expect(result.lines[0] == 11)
    }

    @Test func inlineCodesAreKeptButAreNotText() throws {
        let unit = try readTMX(Fixtures.path("multilingual.tmx")).units[1]
        let enUS = try #require(LanguageTag("en-US"))
        let en = try #require(unit.variant(enUS))
        #expect(en.segment.text == "The Far East forum ended. Twice.")
        #expect(en.segment.markup == #"The <bpt i="1" x="1">&lt;b&gt;</bpt>Far East<ept i="1">&lt;/b&gt;</ept> forum<ph x="2">&lt;br/&gt;</ph> ended. <hi type="em">Twice</hi>."#)
        #expect(unit.variant(.russian)?.segment.text == "Дальневосточный форум завершился. Дважды.")
        // `ru` finds `ru-RU`
        #expect(unit.variant(.russian)?.language.identifier == "ru-RU")
    }

    @Test func referencesCDATAAndWhitespaceSurvive() throws {
        let unit = try readTMX(Fixtures.path("multilingual.tmx")).units[2]
        #expect(unit.sourceLanguage == .russian)
        #expect(unit.variant(.russian)?.segment.text == "Путин\u{00A0}и  Абэ <не тег> & \"друзья\"")
        #expect(unit.variant(.english)?.segment.text == "Putin\u{00A0}and  Abe <not a tag> & \"friends\"")
        #expect(unit.variant(.english)?.segment.markup == nil)
    }

    @Test func subflowsInsideCodesAreNotText() throws {
        let unit = try readTMX(Fixtures.path("multilingual.tmx")).units[3]
        #expect(unit.variant(.english)?.segment.text == "First sentence.")
        #expect(unit.variant(.japanese)?.segment.text == "最初の文。")
        #expect(unit.variant(.english)?.segment.markup?.contains("<sub>A note</sub>") == true)
    }

    @Test(arguments: [("utf8-bom", 0), ("utf16le", 1), ("utf16be", 2), ("utf16le-nobom", 3)])
    func everyUnicodeEncodingReadsTheSame(name: String, kind: Int) throws {
        let original = try String(contentsOfFile: Fixtures.path("multilingual.tmx"), encoding: .utf8)
        let declarationless = original.replacingOccurrences(of: " encoding=\"UTF-8\"", with: "")
        let bytes: [UInt8]
        switch kind {
        case 0: bytes = [0xEF, 0xBB, 0xBF] + Array(original.utf8)
        case 1: bytes = .utf16(declarationless, bigEndian: false)
        case 2: bytes = .utf16(declarationless, bigEndian: true)
        default: bytes = .utf16(declarationless, bigEndian: false, bom: false)
        }
        let path = Scratch.file("\(name).tmx", bytes)
        let expected = try readTMX(Fixtures.path("multilingual.tmx"))
        let read = try readTMX(path)
        #expect(read.units == expected.units)
        #expect(read.lines == expected.lines)
    }

    @Test func declaredLegacyEncodings() throws {
        let russian = try readTMX(Fixtures.path("windows-1251.tmx"))
        #expect(russian.units.first?.variant(.russian)?.segment.text == "Путин и Абэ")
        let japanese = try readTMX(Fixtures.path("shift_jis.tmx"))
        #expect(japanese.units.first?.variant(.japanese)?.segment.text == "東京とモスクワ")
    }

    @Test func oldLangAttributeAndMissingSrclang() throws {
        let reader = try TMXReader(path: Fixtures.path("tmx11-lang.tmx"))
        let result = try readAll(reader)
        #expect(result.units.count == 2)
        #expect(result.units[0].languages.map(\.identifier) == ["en-US", "ru-RU"])
        // no srclang anywhere: each unit's first variant, and the reader says so
        #expect(result.units[1].sourceLanguage?.identifier == "ru-RU")
        #expect(reader.notices == [.assumedSourceLanguage(file: Fixtures.path("tmx11-lang.tmx"), language: LanguageTag("en-US")!, givenByCaller: false)])
    }

    @Test func srcOptionIsTheFallbackForMissingSrclang() throws {
        let reader = try TMXReader(path: Fixtures.path("tmx11-lang.tmx"), sourceLanguage: LanguageTag("en-US"))
        let result = try readAll(reader)
        #expect(result.units.allSatisfy { $0.sourceLanguage?.identifier == "en-US" })
        #expect(reader.notices == [.assumedSourceLanguage(file: Fixtures.path("tmx11-lang.tmx"), language: LanguageTag("en-US")!, givenByCaller: true)])
    }

    @Test func unusableUnitsAreCountedSkipsWithReasons() throws {
        let result = try readTMX(Fixtures.path("skips.tmx"))
        #expect(result.units.map { $0.variants[0].segment.text } == ["Good unit", "Last good unit"])
        #expect(result.skips.count == 4)
        #expect(result.skips.map(\.location.line) == [5, 6, 7, 8])
        #expect(result.skips.map(\.reason) == [.unbalancedCodes(["1"]), .tooFewLanguages(1), .emptySegments, .variantWithoutLanguage])
        #expect(result.skips[0].description.hasSuffix("skips.tmx:5: unbalanced inline tags: <bpt>/<ept> i=1 without a partner"))
    }

    @Test func aLargeSegmentIsRead() throws {
        let big = String(repeating: "Владивосток ", count: 90_000)  // > 1 MB of UTF-8
        let xml = "<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>x</seg></tuv><tuv xml:lang=\"ru\"><seg>\(big)</seg></tuv></tu></body></tmx>"
        let result = try readTMX(Scratch.file("big.tmx", xml))
        #expect(result.units.first?.variant(.russian)?.segment.text.utf8.count == big.utf8.count)
    }
}
