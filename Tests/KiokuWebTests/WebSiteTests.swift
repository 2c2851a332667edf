import Foundation
import Testing
import KiokuTestSupport
import KiokuFormats
import KiokuMatch
import KiokuMemory
import KiokuTerms
import KiokuText
@testable import KiokuWeb

/// The pages as HTML, without a browser (the browser test, scripts/browser-test.sh, drives them):
/// what a curator reads on each, every TM text escaped and marked with its language.
@Suite struct WebSiteTests {
    static let query = "During the gathering in Vladivostok, President Putin and PM Abe agreed to meet on December 16 in Japan."

    func site(_ tm: TranslationMemory) throws -> WebSite {
        let index = try FuzzyIndex(memory: tm)
        let glossary = try GlossaryFile.read(path: Repository.path("glossaries/names-and-places.tsv"))
        return WebSite(matcher: Matcher(index: index), concordance: Concordance(index: index), glossary: glossary)
    }

    func query(_ fields: [String: String]) -> WebQuery { WebQuery(fields) }

    @Test func aLookupShowsTheMatchWithItsDiffAndLanguages() throws {
        let page = try site(try TranslationMemory.seed()).search(query(["q": Self.query, "src": "en", "tgt": "ru"]))
        #expect(page.status == 200)
        #expect(page.html.contains(#"<span class="score" aria-label="score 89 percent">89%</span>"#))
        #expect(page.html.contains("agreed to <del>once again </del>meet on December <del>15 </del><ins>16 </ins>in Japan."), "\(page.html)")
        #expect(page.html.contains(#"<p class="target" lang="ru">Во время встречи во Владивостоке"#))
        #expect(page.html.contains(#"<a href="/units/22">unit 22</a>"#))
        #expect(page.html.contains("<title>Search: During the gathering in Vladivostok"))
    }

    @Test func concordanceMarksThePhraseAndFiltersByOrigin() throws {
        let tm = try TranslationMemory.seed()
        try tm.add([unit((.english, "Vladivostok hosted the forum."), (.russian, "Владивосток принял форум."))], origin: "extra.tsv")
        let website = try site(tm)
        let all = try website.search(query(["q": "Владивосток", "mode": "concordance", "src": "ru", "tgt": "en"]))
        #expect(all.html.components(separatedBy: #"<li class="hit">"#).count - 1 == 7)
        #expect(all.html.contains("Во время встречи во <mark>Владивостоке</mark> президент"))
        let filtered = try website.search(query(["q": "Владивосток", "mode": "concordance", "src": "ru", "tgt": "en", "origin": "extra.tsv"]))
        #expect(filtered.html.components(separatedBy: #"<li class="hit">"#).count - 1 == 1)
        #expect(filtered.html.contains("<mark>Владивосток</mark> принял форум.") && filtered.html.contains("from extra.tsv"))
        #expect(filtered.html.contains(#"<option value="extra.tsv" selected>extra.tsv</option>"#))
    }

    @Test func everyTextFromTheTMIsEscaped() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        let hostile = #"<script>alert("x")</script> & <img src=x onerror=alert(1)>"#
        try tm.add([unit((.english, hostile), (.russian, hostile))], origin: #"<b>"origin"</b>"#)
        let website = try site(tm)
        for page in [try website.search(query(["q": hostile, "src": "en", "tgt": "ru", "min": "50"])), try website.unit(1),
                     try website.search(query(["q": "script", "mode": "concordance", "src": "en", "tgt": "ru"])), try website.stats()] {
            #expect(!page.html.contains("<script>alert") && !page.html.contains("<img src=x") && !page.html.contains("<b>\""), "\(page.html)")
        }
        #expect(try website.unit(1).html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img"))
    }

    @Test func theUnitPageShowsVariantsMetadataAndHistory() throws {
        let tm = try TranslationMemory.seed()
        _ = try tm.editVariant(of: 22, language: .russian, to: Segment(text: "Исправлено."), stamp: ChangeStamp(date: "20261127T120000Z", user: "olga"))
        let page = try site(tm).unit(22)
        #expect(page.html.contains(#"<textarea id="variant-1" name="text" lang="ru" rows="3" readonly>Исправлено.</textarea>"#))
        #expect(page.html.contains("<dt>Changed</dt><dd>2026-11-27 12:00 UTC by olga</dd>"))
        #expect(page.html.contains(#"2026-11-27 12:00 UTC by olga: the ru text was <q lang="ru">Во время встречи"#))
        let missing = try site(tm).unit(99)
        #expect(missing.status == 404 && missing.html.contains("There is no unit 99"))
    }

    @Test func aPastedPairIsCheckedAgainstTheGlossary() throws {
        let page = try site(try TranslationMemory.seed()).check(query([
            "src": "en", "tgt": "ru", "source": "Shinzo Abe met Putin.", "target": "Шинзо Абе встретился с Путиным.",
        ]))
        #expect(page.html.contains("1 error, 0 warnings"))
        #expect(page.html.contains("<strong>error</strong> forbidden Shinzo Abe: «Шинзо Абе» in the ru target; use «Синдзо Абэ»"), "\(page.html)")
        let clean = try site(try TranslationMemory.seed()).check(query([
            "src": "en", "tgt": "ru", "source": "Shinzo Abe met Putin.", "target": "Синдзо Абэ встретился с Путиным.",
        ]))
        #expect(clean.html.contains("No glossary problems found."))
    }

    @Test func theStatsPageDrawsABarPerLanguage() throws {
        let page = try site(try TranslationMemory.seed()).stats()
        #expect(page.html.components(separatedBy: "<rect ").count - 1 == 3)
        #expect(page.html.contains("25 units · 75 segments"))
    }

    @Test func badFieldsAreSaidOnThePage() throws {
        let website = try site(try TranslationMemory.seed())
        #expect(try website.search(query(["q": "Tokyo", "min": "0"])).html.contains("The minimum score is a whole number from 1 to 100."))
        #expect(try website.search(query(["q": "Tokyo", "src": "en", "tgt": "en-GB"])).html.contains("Choose two different languages"))
    }

    @Test func formFieldsAreDecodedAsBrowsersSendThem() {
        let query = WebQuery(parsing: "q=Abe+and+Putin%2C+%D0%90%D0%B1%D1%8D&mode=concordance&mode=lookup&bad=%ZZ%4&empty=")
        #expect(query["q"] == "Abe and Putin, Абэ")
        #expect(query["mode"] == "concordance")  // the first of two
        #expect(query["bad"] == "%ZZ%4")
        #expect(query["empty"] == "" && query.text("empty") == nil)
    }
}
