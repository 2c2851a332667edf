import Testing
import KiokuFormats
import KiokuText

/// Dates compare by the time they name, whether written as TMX asks (`20261121T090000Z`) or in
/// ISO 8601's extended form some tools write (`2026-11-21T09:00:00Z`).
@Suite struct MetadataDatesTests {
    @Test func bothFormsSortByTime() {
        #expect(Metadata.sortKey(ofDate: "20261121T090000Z") == "20261121090000")
        #expect(Metadata.sortKey(ofDate: "2026-11-21T09:00:00Z") == "20261121090000")
        #expect(Metadata.sortKey(ofDate: "2026-11-21T09:00:00.250Z") == "20261121090000")
        // As text, "2026-11-21…" sorts below "20261120…"; as times it is the later.
        #expect(Metadata.isDate("2026-11-21T09:00:00Z", laterThan: "20261120T235959Z"))
        #expect(!Metadata.isDate("20261120T235959Z", laterThan: "2026-11-21T09:00:00Z"))
        #expect(Metadata.isDate("20000101T000000Z", laterThan: nil))
    }

    @Test func theLatestDateAndItsUser() {
        let revised = Metadata(creationDate: "20161001T120000Z", creationUser: "kioku-team",
                               changeDate: "2026-11-21T09:00:00Z", changeUser: "olga")
        #expect(revised.latestDate == "2026-11-21T09:00:00Z")
        #expect(revised.latestUser == "olga")
        let created = Metadata(creationDate: "20261121T090000Z", creationUser: "olga")
        #expect(created.latestDate == "20261121T090000Z")
        #expect(created.latestUser == "olga")
        #expect(Metadata(changeUser: "olga").latestDate == nil)
    }

    @Test func aDuplicateBringsOnlyNewerChanges() {
        var stored = Metadata(creationDate: "20161001T120000Z", creationUser: "kioku-team",
                              changeDate: "2026-11-21T09:00:00Z", changeUser: "olga")
        let older = stored.takeNewerDates(of: Metadata(changeDate: "20261120T000000Z", changeUser: "ivan"))
        #expect(!older)
        #expect(stored.changeUser == "olga")
        let newer = stored.takeNewerDates(of: Metadata(changeDate: "20261122T000000Z", changeUser: "ivan"))
        #expect(newer)
        #expect(stored.changeDate == "20261122T000000Z")
        #expect(stored.changeUser == "ivan")
        #expect(stored.creationUser == "kioku-team")
    }

    @Test func theUnitsLatestDateIsItsNewestVariantsByTime() throws {
        let english = try #require(LanguageTag("en")), russian = try #require(LanguageTag("ru"))
        var unit = TranslationUnit(variants: [
            Variant(language: english, segment: Segment(text: "Vladivostok")),
            Variant(language: russian, segment: Segment(text: "Владивосток"),
                    metadata: Metadata(changeDate: "2026-11-21T09:00:00Z")),
        ])
        unit.metadata = Metadata(creationDate: "20261120T235959Z")
        #expect(unit.latestDate == "2026-11-21T09:00:00Z")
    }
}
