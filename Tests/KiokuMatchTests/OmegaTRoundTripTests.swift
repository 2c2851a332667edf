import Foundation
import Testing
import KiokuTestSupport
import KiokuFormats
import KiokuMemory
import KiokuText
@testable import KiokuMatch

/// Bringing a translator's work back from OmegaT: a `project_save.tmx` as OmegaT 3.6 writes it
/// (TMX 1.1, `lang`, dates on the target `<tuv>`, tags as escaped text, `prev`/`next` on
/// alternative translations), imported into the seed memory its project started from.
@Suite struct OmegaTRoundTripTests {
    static let moscow = "Moscow and Tokyo have still not signed a peace treaty following the end of World War II."
    static let moscowRevised = "Москва и Токио так и не подписали мирный договор после окончания Второй мировой войны."
    static let islands = "The key stumbling block remains the seizure of four Japanese islands by the Soviet Union during the last days of the conflict."
    static let decades = "Over the past decades Tokyo repeatedly stressed that a peace treaty with Moscow is linked to handing back control of the territories."

    /// What OmegaT saved: one seed sentence unchanged (from tm/auto), one revised with a note,
    /// a tagged segment, and an alternative translation of another seed sentence in its context.
    static let projectSave = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE tmx SYSTEM "tmx11.dtd">
        <tmx version="1.1">
          <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="3.6.0_10_unknown" segtype="sentence" srclang="EN"/>
          <body>
        <!-- Default translations -->
            <tu>
              <tuv lang="EN">
                <seg>\(islands)</seg>
              </tuv>
              <tuv lang="RU" changeid="olga" changedate="20261120T101500Z" creationid="olga" creationdate="20261120T101500Z">
                <seg>Главным камнем преткновения остаётся то, что в последние дни войны Советский Союз занял четыре острова, которые Япония считает своими.</seg>
              </tuv>
            </tu>
            <tu>
              <note>revised by the desk</note>
              <tuv lang="EN">
                <seg>\(moscow)</seg>
              </tuv>
              <tuv lang="RU" changeid="olga" changedate="20261121T090000Z" creationid="kioku-team" creationdate="20161001T120000Z">
                <seg>\(moscowRevised)</seg>
              </tuv>
            </tu>
            <tu>
              <tuv lang="EN">
                <seg>&lt;b0&gt;Vladivostok&lt;/b0&gt; hosted the Eastern Economic Forum.&lt;x1/&gt;</seg>
              </tuv>
              <tuv lang="RU" changeid="olga" changedate="20261121T091000Z" creationid="olga" creationdate="20261121T091000Z">
                <seg>&lt;b0&gt;Владивосток&lt;/b0&gt; принял Восточный экономический форум.&lt;x1/&gt;</seg>
              </tuv>
            </tu>
        <!-- Alternative translations -->
            <tu>
              <prop type="file">article.html</prop>
              <prop type="prev">&lt;b0&gt;Vladivostok&lt;/b0&gt; hosted the Eastern Economic Forum.&lt;x1/&gt;</prop>
              <prop type="next"></prop>
              <tuv lang="EN">
                <seg>\(decades)</seg>
              </tuv>
              <tuv lang="RU" changeid="olga" changedate="20261121T092000Z" creationid="olga" creationdate="20261121T092000Z">
                <seg>Токио десятилетиями повторял, что мирный договор с Москвой связан с возвращением территорий.</seg>
              </tuv>
            </tu>
          </body>
        </tmx>
        """

    /// The seed memory with OmegaT's project_save.tmx imported on top.
    static func roundTrip() throws -> (TranslationMemory, ImportReport) {
        let tm = try TranslationMemory.seed()
        let report = try tm.importFiles([Scratch.file("project_save.tmx", projectSave)])
        return (tm, report)
    }

    @Test func aRevisionRanksFirstWithItsDateAndAuthor() throws {
        let (tm, _) = try Self.roundTrip()
        let matches = try Matcher(memory: tm).lookup(Self.moscow, from: .english, to: .russian)
        #expect(matches.map(\.score) == [100, 100])
        #expect(matches.first?.target == Self.moscowRevised)
        #expect(matches.first?.latestChange?.date == "20261121T090000Z")
        #expect(matches.first?.latestChange?.user == "olga")
        #expect(matches.first?.metadata.notes.first?.text == "revised by the desk")
        #expect(matches.last?.latestChange?.date == "20161001T120000Z")
    }

    @Test func aTranslationOmegaTGaveBackUnchangedIsNotStoredTwice() throws {
        let (tm, report) = try Self.roundTrip()
        #expect(report.duplicates == 1)  // the islands sentence, inside the seed's EN–RU–JA unit
        #expect(report.added == 3)
        #expect(try tm.unitCount() == 28)
        let matches = try Matcher(memory: tm).lookup(Self.islands, from: .english, to: .russian)
        #expect(matches.count == 1)
        // the seed unit kept its Japanese and took OmegaT's newer date for its Russian
        let unit = try #require(try tm.unit(matches[0].unitID))
        #expect(unit.unit.languages.map(\.identifier) == ["en", "ru", "ja"])
        #expect(matches[0].latestChange?.date == "20261120T101500Z")
        #expect(matches[0].targetMetadata.changeUser == "olga")
    }

    @Test func theSameSourceAndTargetAreListedOnceWhateverUnitsHoldThem() throws {
        let tm = try TranslationMemory.seed()
        // EN–RU–JA first, then its EN–RU part imported in a richer unit's absence is merged;
        // added the other way round (richer unit last), both stay: lookup still lists the pair once.
        try tm.add([unit((.english, "Tokyo Bay"), (.russian, "Токийский залив"))])
        try tm.add([unit((.english, "Tokyo Bay"), (.russian, "Токийский залив"), (.japanese, "東京湾"))])
        #expect(try tm.unitCount() == 27)
        let matches = try Matcher(memory: tm).lookup("Tokyo Bay", from: .english, to: .russian)
        #expect(matches.count == 1)
        #expect(try Matcher(memory: tm).lookup("Tokyo Bay", from: .english, to: .japanese).count == 1)
    }

    @Test func omegaTsTagShorthandIsReadAsInlineCodes() throws {
        let (tm, _) = try Self.roundTrip()
        let matches = try Matcher(memory: tm).lookup("Vladivostok hosted the Eastern Economic Forum.", from: .english, to: .russian)
        #expect(matches.first?.score == 100)
        #expect(matches.first?.target == "Владивосток принял Восточный экономический форум.")
        let stored = try #require(try tm.unit(matches[0].unitID))
        let russian = try #require(stored.unit.variant(.russian))
        #expect(russian.segment.markup == #"<bpt i="1" x="0">&lt;b0&gt;</bpt>Владивосток<ept i="1">&lt;/b0&gt;</ept> принял Восточный экономический форум.<ph x="1">&lt;x1/&gt;</ph>"#)
    }

    @Test func theShorthandIsTextInFilesOtherToolsWrote() throws {
        let path = Scratch.file("other.tmx", Self.projectSave.replacingOccurrences(of: #"creationtool="OmegaT""#, with: #"creationtool="Other""#))
        let units = try readTMX(path).units
        #expect(units[2].variants[0].segment.text == "<b0>Vladivostok</b0> hosted the Eastern Economic Forum.<x1/>")
        #expect(units[2].variants[0].segment.markup == nil)
    }

    @Test func omegaTsPreviousSegmentIsAContext() throws {
        let (tm, _) = try Self.roundTrip()
        let matcher = try Matcher(memory: tm)
        let previous = "Vladivostok hosted the Eastern Economic Forum."  // as the translator sees it, without tags
        let inContext = try matcher.lookup(Self.decades, from: .english, to: .russian, options: LookupOptions(context: previous))
        #expect(inContext.first?.score == 101)
        #expect(inContext.first?.target == "Токио десятилетиями повторял, что мирный договор с Москвой связан с возвращением территорий.")
        let elsewhere = try matcher.lookup(Self.decades, from: .english, to: .russian, options: LookupOptions(context: "Something else."))
        #expect(elsewhere.allSatisfy { $0.score == 100 })
    }

    @Test func variantDatesAndOmegaTsContextAreExported() throws {
        let (tm, _) = try Self.roundTrip()
        let exported = try tm.exportedTMX()
        #expect(exported.contains(#"<tuv xml:lang="ru" creationdate="20161001T120000Z" creationid="kioku-team" changedate="20261121T090000Z" changeid="olga">"#))
        #expect(exported.contains(#"<prop type="prev">&lt;b0&gt;Vladivostok&lt;/b0&gt; hosted the Eastern Economic Forum.&lt;x1/&gt;</prop>"#))
        #expect(exported.contains(#"<prop type="file">article.html</prop>"#))
    }
}
