import Testing
import KiokuFormats
import KiokuJobs
import KiokuMatch
import KiokuMemory
import KiokuTestSupport
import KiokuText

let en = LanguageTag("en")!
let ru = LanguageTag("ru")!

/// A TM of four EN–RU units, and a job file of the same sentences.
func jobMemory() throws -> TranslationMemory {
    let tm = try TranslationMemory(path: Scratch.tmPath())
    _ = try tm.add([
        unit((en, "The summit opened in Vladivostok on Friday."), (ru, "Саммит открылся во Владивостоке в пятницу."), context: "Leaders met."),
        unit((en, "Prime Minister Abe met President Putin."), (ru, "Премьер-министр Абэ встретился с президентом Путиным.")),
        unit((en, "The talks lasted three hours and ended without a treaty."), (ru, "Переговоры длились три часа и закончились без договора.")),
        unit((en, "Both sides agreed to meet again next year in Tokyo."), (ru, "Стороны договорились встретиться снова в следующем году в Токио.")),
    ], origin: "news.tmx")
    return tm
}

/// An XLIFF 1.2 job (en → ru) with one trans-unit per sentence.
func xliffJob(_ sentences: [String], name: String = "job.xlf") -> String {
    let units = sentences.enumerated().map { index, sentence in
        "      <trans-unit id=\"\(index + 1)\">\n        <source>\(XMLEscaping.escape(sentence))</source>\n      </trans-unit>\n"
    }.joined()
    return Scratch.file(name, """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file original="next.docx" source-language="en" target-language="ru" datatype="plaintext">
            <body>
        \(units)    </body>
          </file>
        </xliff>

        """)
}

/// The analysis is exact: every segment's band is known, and the totals match to the word.
@Suite struct JobAnalyzerTests {
    let job = [
        "Leaders met.",  // no match (2 words)
        "The summit opened in Vladivostok on Friday.",  // context match: the TM unit's context is "Leaders met." (7)
        "Prime Minister Abe met President Putin.",  // 100 % (6)
        "The talks lasted three hours and ended without any treaty.",  // one word differs of ten: 85–94 (10)
        "Prime Minister Abe met President Putin.",  // a repetition (6)
        "Completely unrelated words about cooking pasta.",  // no match (6)
        "Both sides agreed to meet again next year in Tokyo",  // only the final period differs: 95–99 (10)
        "Both sides agreed to meet next year in Osaka.",  // two words differ: 75–84 (9)
    ]

    @Test func everySegmentLandsInItsBandAndTheTotalsMatchToTheWord() throws {
        let matcher = try Matcher(memory: try jobMemory())
        let analysis = try JobAnalyzer(matcher: matcher).analyze([try JobDocument.read(path: xliffJob(job))])
        let file = try #require(analysis.files.first)
        #expect(file.segments.map(\.band) == ["no match", "context (101%)", "100%", "85–94%", "repetitions", "no match", "95–99%", "75–84%"])
        #expect(file.segments.map(\.words) == [2, 7, 6, 10, 6, 6, 10, 9])
        #expect(file.segments[1].score == 101)
        let rows = analysis.bands.map { "\($0.name) \($0.segments) \($0.words)" }
        #expect(rows == ["context (101%) 1 7", "repetitions 1 6", "100% 1 6", "95–99% 1 10", "85–94% 1 10", "75–84% 1 9", "50–74% 0 0", "no match 2 8"])
        #expect(analysis.total.segments == 8 && analysis.total.words == 56)
        #expect(analysis.total.characters == job.map { $0.filter { !$0.isWhitespace }.count }.reduce(0, +))
        #expect(analysis.countingUnit == "words")
        #expect(file.bands == analysis.bands)
    }

    @Test func repetitionsCountAcrossFilesOnceAndContextMatchesWinOverThem() throws {
        let matcher = try Matcher(memory: try jobMemory())
        let first = try JobDocument.read(path: xliffJob(["Leaders met.", "The summit opened in Vladivostok on Friday."], name: "a.xlf"))
        let second = try JobDocument.read(path: xliffJob(["Leaders met.", "The summit opened in Vladivostok on Friday.", "Leaders met."], name: "b.xlf"))
        let analysis = try JobAnalyzer(matcher: matcher).analyze([first, second])
        #expect(analysis.files[0].segments.map(\.band) == ["no match", "context (101%)"])
        // In the second file "Leaders met." repeats the first file's; the summit sentence has its context again: 101 wins.
        #expect(analysis.files[1].segments.map(\.band) == ["repetitions", "context (101%)", "repetitions"])
        #expect(analysis.bands.first { $0.name == "repetitions" }?.segments == 2)
        #expect(analysis.total.segments == 5)
    }

    @Test func configurableBandsAndAJapaneseJobCountedInCharacters() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        let ja = LanguageTag("ja")!
        _ = try tm.add([unit((ja, "首脳会談はウラジオストクで始まった。"), (en, "The summit began in Vladivostok."))])
        let job = Scratch.file("ja.xlf", """
            <xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="ja" trgLang="en"><file id="f">
            <unit id="1"><segment><source>首脳会談はウラジオストクで始まった。</source></segment></unit>
            <unit id="2"><segment><source>首脳会談はウラジオストクで始まる。</source></segment></unit>
            </file></xliff>
            """)
        let analysis = try JobAnalyzer(matcher: try Matcher(memory: tm), bands: try MatchBands([100, 60])).analyze([try JobDocument.read(path: job)])
        #expect(analysis.countingUnit == "characters")
        #expect(analysis.files[0].segments.map(\.band) == ["100%", "60–99%"])
        #expect(analysis.files[0].segments.map(\.characters) == [18, 17])
    }

    @Test func aJobInALanguageTheTMLacksIsAnErrorNamingTheFile() throws {
        let matcher = try Matcher(memory: try jobMemory())
        let path = Scratch.file("de.xlf", """
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="en" target-language="de" datatype="plaintext"><body>
            <trans-unit id="1"><source>Hello.</source></trans-unit></body></file></xliff>
            """)
        let error = #expect(throws: JobError.self) { _ = try JobAnalyzer(matcher: matcher).analyze([try JobDocument.read(path: path)]) }
        #expect(error == .languageNotInMemory(file: path, language: LanguageTag("de")!, held: ["en", "ru"]))
        let bare = Scratch.file("bare.xlf", "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>a</source></trans-unit></body></file></xliff>")
        #expect(throws: JobError.unknownLanguage(file: bare, side: .source)) { _ = try JobAnalyzer(matcher: matcher).analyze([try JobDocument.read(path: bare)]) }
    }
}
