import Testing
import KiokuTestSupport
import KiokuText
@testable import KiokuFormats

@Suite struct XLIFFReaderTests {
    @Test func xliff12TranslatedUnitsOnly() throws {
        let result = try readAll(try XLIFFReader(path: Fixtures.path("translated.xlf")))
        #expect(result.units.count == 2)
        #expect(result.skips.count == 3)
        #expect(result.skips.map(\.reason) == [.notTranslated, .notTranslated, .doNotTranslate])
        let first = result.units[0]
        #expect(first.variant(.english)?.segment.text == "Abe met Putin in Sochi.")
        #expect(first.variant(.russian)?.segment.text == "Абэ встретился с Путиным в Сочи.")
        #expect(first.variant(.russian)?.segment.markup?.contains("&lt;g id=\"1\"&gt;") == true)
        #expect(first.metadata.attribute("tuid") == "1")
        #expect(first.metadata.notes.first?.text == "checked by the desk")
        #expect(first.metadata.property("x-original") == "summit.html")
    }

    @Test func xliff20SegmentsAreUnits() throws {
        let result = try readAll(try XLIFFReader(path: Fixtures.path("translated20.xlf")))
        #expect(result.units.count == 2)
        #expect(result.skips.count == 1)
        #expect(result.units[0].variant(.japanese)?.segment.text == "安倍首相はプーチン大統領と会談した。")
        #expect(result.units[1].variant(.japanese)?.segment.text == "ウラジオストクで。")
        #expect(result.units[1].metadata.attribute("tuid") == "u1#s3")
        #expect(result.units[0].metadata.notes.first?.text == "two sentences")
    }

    @Test func xliffInlineCodesRoundTripThroughTMX() throws {
        let units = try readAll(try XLIFFReader(path: Fixtures.path("translated.xlf"))).units
        let directory = Scratch.directory()
        let path = directory.appendingPathComponent("x.tmx").path
        let writer = try TMXWriter(path: path, sourceLanguage: .english)
        for unit in units { try writer.write(unit) }
        try writer.finish()
        #expect(try readTMX(path).units == units)
    }
}
