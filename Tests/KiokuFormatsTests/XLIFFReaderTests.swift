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
        // Each unit's context is the segment before it in the file, translated or not
        // (units marked translate="no" are not segments).
        #expect(first.context == nil)
        #expect(result.units[1].context == "No target at all")
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

    /// Translate Toolkit's po2xliff (and Okapi) carry the PO header as a translated trans-unit;
    /// it is file metadata, not a translation.
    @Test func aPOHeaderCarriedAsAUnitIsNotImported() throws {
        let path = Scratch.file("job.xlf", """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1">
              <file original="job.po" source-language="en-US" datatype="plaintext" target-language="ru">
                <body>
                  <trans-unit xml:space="preserve" id="2" approved="no" restype="x-gettext-domain-header">
                    <source>Content-Type: text/plain; charset=UTF-8
            Language: ru
            </source>
                    <target state="translated">Content-Type: text/plain; charset=UTF-8
            Language: ru
            </target>
                  </trans-unit>
                  <trans-unit xml:space="preserve" id="3" approved="yes">
                    <source>Moscow and Tokyo</source>
                    <target state="translated">Москва и Токио</target>
                  </trans-unit>
                </body>
              </file>
            </xliff>
            """)
        let result = try readAll(try XLIFFReader(path: path))
        #expect(result.units.map { $0.variant(.russian)?.segment.text } == ["Москва и Токио"])
        #expect(result.skips.map(\.reason) == [.fileHeader])
        #expect(result.skips.first?.location.line == 5)
    }
}
