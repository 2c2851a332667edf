import Foundation
import Testing
import KiokuTestSupport
import KiokuFormats
import KiokuText
@testable import KiokuMemory

@Suite struct ExportTests {
    @Test func roundTripIsLosslessOnTheFixtures() throws {
        for name in ["multilingual.tmx", "tmx11-lang.tmx", "windows-1251.tmx", "shift_jis.tmx"] {
            let report = try RoundTrip.check(tmx: Repository.formatsFixture(name))
            #expect(report.isLossless, "\(name): \(report.differences)")
            #expect(report.unitsStored > 0)
        }
    }

    @Test func roundTripNoticesALoss() throws {
        // The seed's repeated headline collapses to one unit, which the check expects;
        // and the comparison itself reports a changed target.
        let report = try RoundTrip.check(tmx: Repository.sample("seed-summit.tmx"))
        #expect(report.unitsRead == 26)
        #expect(report.unitsStored == 25)
        #expect(report.isLossless)
        var broken = RoundTrip.Report()
        RoundTrip.compare([unit((.english, "a"), (.russian, "б"))], [unit((.english, "a"), (.russian, "в"))], stage: "test", into: &broken)
        #expect(!broken.isLossless)
    }

    /// A unit whose variants are all in an earlier, richer one (an OmegaT EN–RU copy of an
    /// EN–RU–JA unit) collapses into it with its newer date, in the check as in the TM.
    @Test func aUnitInsideARicherOneCollapsesIntoItLosslessly() throws {
        let path = Scratch.file("subset.tmx", """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>
            <tu creationdate="20161001T120000Z"><tuv xml:lang="en"><seg>Tokyo Bay</seg></tuv><tuv xml:lang="ru"><seg>Токийский залив</seg></tuv><tuv xml:lang="ja"><seg>東京湾</seg></tuv></tu>
            <tu><tuv xml:lang="ru" changedate="20261121T090000Z" changeid="olga"><seg>Токийский залив</seg></tuv><tuv xml:lang="en"><seg>Tokyo Bay</seg></tuv></tu>
            <tu><tuv xml:lang="en"><seg>Tokyo Bay</seg></tuv><tuv xml:lang="ru"><seg>Токийский залив.</seg></tuv></tu>
            </body></tmx>
            """)
        let report = try RoundTrip.check(tmx: path)
        #expect(report.unitsRead == 3)
        #expect(report.unitsStored == 2)
        #expect(report.isLossless, "\(report.differences)")
    }

    @Test func exportSelectedLanguages() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        try tm.importFiles([Repository.sample("seed-summit.tmx")])
        let path = Scratch.directory().appendingPathComponent("en-ja.tsv").path
        let count = try tm.export(to: try TSVWriter(path: path, languages: [.english, .japanese]), languages: [.english, .japanese])
        #expect(count == 25)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "en\tja")
        #expect(lines.contains("During the gathering in Vladivostok, President Putin and PM Abe agreed to once again meet on December 15 in Japan.\tウラジオストクでの会合で、プーチン大統領と安倍首相は12月15日に日本で再び会談することで合意した。"))
    }

    @Test func theSampleMemoryHasThreeLanguagesAndContext() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        try tm.importFiles([Repository.sample("seed-summit.tmx")])
        let stats = try tm.statistics()
        #expect(stats.units == 25)
        #expect(Set(stats.pairs.map { $0.languages }) == [["en", "ja"], ["en", "ru"], ["ja", "ru"]])
        let units = try tm.allUnits()
        #expect(units[1].unit.context == "3 Sep, 2016 17:23")
        #expect(units.contains { $0.unit.variant(.russian)?.segment.text.contains("Синдзо Абэ") == true })
        #expect(!units.contains { $0.unit.variant(.russian)?.segment.text.contains("Шинзо") == true })
    }

    @Test func tsvAndTMXSamplesHoldTheSameText() throws {
        let tmx = try TranslationMemory(path: Scratch.tmPath())
        try tmx.importFiles([Repository.sample("seed-summit.tmx")])
        let report = try tmx.importFiles([Repository.sample("seed-summit.tsv")])
        #expect(report.added == 0)
        #expect(report.duplicates == 26)
    }
}
