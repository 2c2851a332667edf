import Foundation
import Testing
import KiokuTestSupport
import KiokuText
@testable import KiokuFormats

/// OmegaT's tag shorthand, read from arbitrary text: whatever the text, the codes Kioku makes
/// of it are balanced TMX that reads back as the same segment, and the XLIFF written from them
/// reads back as the same text. (A small fuzz run with a fixed seed; the cases are what a
/// translator's typing and OmegaT's tags can make: stray `<`, `>`, `/`, unpaired and crossed tags.)
@Suite struct OmegaTTagsTests {
    static let pieces = ["<", ">", "/", "b", "x", "i", "0", "1", "12", " ", "Путин", "東京", "&", "\"", "<b0>", "</b0>", "<x1/>", "<i1>", "</i1>"]

    @Test func anyTextGivesBalancedCodesThatReadBack() throws {
        var generator = SeededGenerator(seed: 17)
        var tagged = 0
        for index in 0..<500 {
            let text = (0..<Int.random(in: 1...12, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            guard let segment = OmegaTTags.segment(from: text) else {
                #expect(OmegaTTags.plainText(text) == text, "case \(index): \(text)")
                continue
            }
            tagged += 1
            #expect(segment.text == OmegaTTags.plainText(text), "case \(index): \(text)")
            let tmx = Scratch.file("case.tmx", """
                <?xml version="1.0" encoding="UTF-8"?>
                <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>
                <tu><tuv xml:lang="en"><seg>\(segment.markup ?? "")</seg></tuv><tuv xml:lang="ru"><seg>x</seg></tuv></tu>
                </body></tmx>
                """)
            let read = try readTMX(tmx)
            #expect(read.skips.isEmpty, "case \(index): \(text) → \(segment.markup ?? "") skipped: \(read.skips)")
            #expect(read.units.first?.variants.first?.segment == segment, "case \(index): \(text)")
            let xliff = Scratch.file("case.xlf", """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="t" source-language="en" target-language="ru" datatype="plaintext"><body>
                <trans-unit id="1"><source>\(XLIFFInlineCodes.content(of: segment))</source><target>x</target></trans-unit>
                </body></file></xliff>
                """)
            #expect(try readAll(try XLIFFReader(path: xliff)).units.first?.variants.first?.segment.text == segment.text, "case \(index): \(text)")
        }
        #expect(tagged > 120)  // the run exercised the shorthand, not only plain text
    }
}
