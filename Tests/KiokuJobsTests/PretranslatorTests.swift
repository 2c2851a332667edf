import Foundation
import Testing
import KiokuFormats
import KiokuJobs
import KiokuMatch
import KiokuMemory
import KiokuTerms
import KiokuTestSupport
import KiokuText

/// Pre-translation as a localization engineer relies on it: what is filled and how it is
/// marked, what is only offered, what is left alone, and tags never lost or invented.
@Suite struct PretranslatorTests {
    func pretranslate(_ path: String, _ tm: TranslationMemory, _ options: PretranslateOptions = PretranslateOptions())
        throws -> (text: String, report: PretranslationReport) {
        let document = try JobDocument.read(path: path)
        let (fills, report) = try Pretranslator(matcher: try Matcher(memory: tm), options: options).fills(for: document)
        return (document.patched(fills: fills), report)
    }

    @Test func exactAndContextMatchesFillFuzzyOnesAreOffered() throws {
        let job = xliffJob(["Leaders met.", "The summit opened in Vladivostok on Friday.", "Prime Minister Abe met President Putin.",
                            "The talks lasted three hours and ended without any treaty."])
        let (out, report) = try pretranslate(job, try jobMemory())
        #expect(out.contains(#"<target state="translated" state-qualifier="exact-match">Саммит открылся во Владивостоке в пятницу.</target>"#))
        #expect(out.contains(#"<target state="needs-review-translation" state-qualifier="exact-match">Премьер-министр Абэ встретился с президентом Путиным.</target>"#))
        #expect(out.contains(#"<alt-trans match-quality="101" origin="news.tmx"><source>The summit opened in Vladivostok on Friday.</source>"#))
        // The fuzzy match is a candidate only: no target, one alt-trans.
        #expect(out.contains("""
                    <source>The talks lasted three hours and ended without any treaty.</source>
                    <alt-trans match-quality="9
            """))
        #expect(!out.contains("Переговоры длились три часа и закончились без договора.</target>\n      </trans-unit>"))
        #expect(report.filled == ["context-match": 1, "exact-match": 1])
        #expect(report.candidatesOnly == 1 && report.noMatch == 1 && report.segments == 4)
    }

    @Test func aLowerFillThresholdFillsFuzzyMatchesMarkedForReview() throws {
        let job = xliffJob(["The talks lasted three hours and ended without any treaty."])
        let (out, report) = try pretranslate(job, try jobMemory(), PretranslateOptions(fill: 85))
        #expect(out.contains(#"<target state="needs-review-translation" state-qualifier="fuzzy-match">Переговоры длились три часа и закончились без договора.</target>"#))
        #expect(report.filled == ["fuzzy-match": 1])
    }

    @Test func numbersAreAdaptedAsLookupAdaptsThem() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        _ = try tm.add([unit((en, "The forum lasted 2 days."), (ru, "Форум длился 2 дня."))])
        let (out, report) = try pretranslate(xliffJob(["The forum lasted 4 days."]), tm, PretranslateOptions(fill: 90))
        #expect(out.contains(#"state-qualifier="leveraged-tm">Форум длился 4 дня.</target>"#), "\(out)")
        #expect(report.filled == ["leveraged-tm": 1])
    }

    @Test func translatedSegmentsAreLeftAloneUnlessOverwrite() throws {
        let path = Scratch.file("done.xlf", """
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="en" target-language="ru" datatype="plaintext"><body>
            <trans-unit id="1"><source>Prime Minister Abe met President Putin.</source><target state="translated">Свой перевод.</target></trans-unit>
            </body></file></xliff>
            """)
        let tm = try jobMemory()
        let (kept, report) = try pretranslate(path, tm)
        #expect(kept == (try String(contentsOfFile: path, encoding: .utf8)))
        #expect(report.keptTranslated == 1)
        let (replaced, _) = try pretranslate(path, tm, PretranslateOptions(overwrite: true))
        #expect(replaced.contains(#"<target state="needs-review-translation" state-qualifier="exact-match">Премьер-министр Абэ"#))
        #expect(!replaced.contains("Свой перевод."))
    }

    /// A TM made from an XLIFF file with inline tags (as a CAT tool exports it).
    func taggedMemory() throws -> TranslationMemory {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        let source = Scratch.file("ui.xlf", """
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="ui" source-language="en" target-language="ru" datatype="plaintext"><body>
            <trans-unit id="1"><source>Click <g id="1">Save</g> to keep <x id="2"/> changes.</source><target state="translated">Чтобы сохранить <x id="2"/> изменения, нажмите <g id="1">Сохранить</g>.</target></trans-unit>
            <trans-unit id="2"><source>Press Enter to continue.</source><target state="translated">Нажмите <ph id="1">Enter</ph>, чтобы продолжить.</target></trans-unit>
            </body></file></xliff>
            """)
        _ = try tm.importFiles([source])
        return tm
    }

    @Test func filledTargetsCarryExactlyTheJobsTags() throws {
        let job = Scratch.file("tags.xlf", """
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="ui2" source-language="en" target-language="ru" datatype="plaintext"><body>
            <trans-unit id="1"><source>Click <g id="7" ctype="bold">Save</g> to keep <x id="8"/> changes.</source></trans-unit>
            <trans-unit id="2"><source>Press Enter to continue.</source></trans-unit>
            </body></file></xliff>
            """)
        let (out, report) = try pretranslate(job, try taggedMemory())
        #expect(out.contains(#"<target state="needs-review-translation" state-qualifier="exact-match">Чтобы сохранить <x id="8"/> изменения, нажмите <g id="7" ctype="bold">Сохранить</g>.</target>"#))
        // The TM's target has a tag the job's source lacks: never invented, so offered only.
        #expect(!out.contains("продолжить.</target></trans-unit>"))
        #expect(out.contains(#"<alt-trans match-quality="100" origin=""#) && out.contains(#"Нажмите <ph id="1">&lt;ph id="1"&gt;Enter&lt;/ph&gt;</ph>, чтобы продолжить."#))
        #expect(report.filled == ["exact-match": 1] && report.codesNotPlaced == 1)
        // Every filled target has the source's tags, as a multiset.
        let document = try JobDocument.read(path: Scratch.file("out.xlf", out))
        for segment in document.segments where segment.target != nil {
            #expect(segment.target?.codes.map(\.native).sorted() == segment.source.codes.map(\.native).sorted())
        }
    }

    @Test func glossaryFindingsOnFilledTargetsBecomeNotes() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        _ = try tm.add([unit((en, "Abe arrived in Vladivostok."), (ru, "Абе прибыл во Владивосток."))])
        let glossary = try GlossaryFile.read(path: Repository.glossary("names-and-places.tsv"))
        let (out, report) = try pretranslate(xliffJob(["Abe arrived in Vladivostok."]), tm, PretranslateOptions(glossary: glossary))
        #expect(out.contains(#"<note from="kioku" annotates="target">glossary: error forbidden"#), "\(out)")
        #expect(out.contains("«Абе»"))
        #expect(report.glossaryNotes >= 1)
    }

    @Test func xliff20TargetsGetTheSegmentStateAndMatchesTheCandidatesModule() throws {
        let job = Scratch.file("job20.xlf", """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru"><file id="f">
              <unit id="1">
                <segment>
                  <source>Prime Minister Abe met President Putin.</source>
                </segment>
              </unit>
              <unit id="2">
                <segment>
                  <source>The talks lasted three hours and ended without any treaty.</source>
                </segment>
              </unit>
            </file></xliff>
            """)
        let (out, _) = try pretranslate(job, try jobMemory(), PretranslateOptions(fill: 85))
        #expect(out.contains("""
                <segment id="s1" state="translated">
                  <source>Prime Minister Abe met President Putin.</source>
                  <target>Премьер-министр Абэ встретился с президентом Путиным.</target>
            """))
        #expect(out.contains(#"<segment id="s1" state="initial">"#))  // the fuzzy fill still needs a translator
        #expect(out.contains(##"<mtc:match ref="#s1" similarity="100" origin="news.tmx">"##))
    }

    static let poJob = #"""
        msgid ""
        msgstr ""
        "Language: ru\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

        #: main.c:1
        msgid "Prime Minister Abe met President Putin."
        msgstr ""

        #, c-format
        msgid "The talks lasted three hours and ended without any treaty."
        msgstr ""

        msgid "One file"
        msgid_plural "%d files"
        msgstr[0] ""
        msgstr[1] ""
        msgstr[2] ""

        #~ msgid "Old"
        #~ msgstr "Старое"

        """#

    @Test func poEntriesAreFilledMarkedFuzzyBelow100AndPluralsComeWhole() throws {
        let tm = try jobMemory()
        let forms = Scratch.file("forms.po", #"""
            msgid ""
            msgstr "Language: ru\n"

            msgid "One file"
            msgid_plural "%d files"
            msgstr[0] "%d файл"
            msgstr[1] "%d файла"
            msgstr[2] "%d файлов"

            """#)
        _ = try tm.importFiles([forms])
        let (out, report) = try pretranslate(Scratch.file("job.po", Self.poJob), tm, PretranslateOptions(fill: 85))
        #expect(out.contains("""
            # kioku: 100% match from news.tmx
            #: main.c:1
            msgid "Prime Minister Abe met President Putin."
            msgstr "Премьер-министр Абэ встретился с президентом Путиным."
            """))
        #expect(out.contains("""
            #, fuzzy, c-format
            msgid "The talks lasted three hours and ended without any treaty."
            msgstr "Переговоры длились три часа и закончились без договора."
            """))
        #expect(out.contains("""
            msgid "One file"
            msgid_plural "%d files"
            msgstr[0] "%d файл"
            msgstr[1] "%d файла"
            msgstr[2] "%d файлов"
            """))
        #expect(out.hasSuffix("#~ msgid \"Old\"\n#~ msgstr \"Старое\"\n"))
        #expect(report.filledTotal == 3)
        try expectMsgfmtAccepts(out)
    }

    /// `msgfmt --check` (GNU gettext) accepts the file; the README's test command installs it.
    func expectMsgfmtAccepts(_ text: String) throws {
        guard let msgfmt = ["/usr/bin/msgfmt", "/usr/local/bin/msgfmt"].first(where: FileManager.default.isExecutableFile) else {
            Issue.record("msgfmt is not installed (apt-get install gettext); scripts/install-deps.sh installs it")
            return
        }
        let result = try KiokuProcess.run(URL(fileURLWithPath: msgfmt), ["--check", "-o", "/dev/null", Scratch.file("check.po", text)])
        #expect(result.status == 0, "\(result.errors)")
    }

    @Test func roundTripEndsWithEverySegmentAt100() throws {
        let tm = try jobMemory()
        let matcher = try Matcher(memory: tm)
        let sentences = ["Leaders met.", "The summit opened in Vladivostok on Friday.", "Prime Minister Abe met President Putin.",
                         "The talks lasted three hours and ended without any treaty.", "Completely unrelated words about cooking pasta."]
        let job = try JobDocument.read(path: xliffJob(sentences))
        let before = try JobAnalyzer(matcher: matcher).analyze([job])
        #expect(before.files[0].segments.filter { ($0.score ?? 0) >= 100 }.count == 2)
        // Pre-translate, then a translator does the rest.
        let (fills, _) = try Pretranslator(matcher: matcher).fills(for: job)
        let pretranslated = try JobDocument.read(path: Scratch.file("pre.xlf", job.patched(fills: fills)))
        var translations: [Int: SegmentFill] = [:]
        for (index, segment) in pretranslated.segments.enumerated() where segment.target == nil {
            translations[index] = SegmentFill(target: [.text("Перевод: " + segment.source.text)], quality: .exactMatch, score: 100,
                                              origin: nil, candidates: [], notes: [])
        }
        let done = Scratch.file("done.xlf", pretranslated.patched(fills: translations))
        let imported = try tm.importFiles([done])
        #expect(imported.added + imported.duplicates == sentences.count)
        let after = try JobAnalyzer(matcher: try Matcher(memory: tm)).analyze([try JobDocument.read(path: done)])
        #expect(after.files[0].segments.allSatisfy { ($0.score ?? 0) >= 100 }, "\(after.files[0].segments)")
        // The imported units record the segment before them: the same sequence again is all context matches.
        #expect(after.files[0].segments.dropFirst().allSatisfy { $0.score == 101 }, "\(after.files[0].segments)")
        #expect(after.bands.filter { $0.name != "context (101%)" && $0.name != "100%" }.allSatisfy { $0.segments == 0 })
    }

    @Test func preTranslatedXLIFFImportsBackUnchangedInMeaning() throws {
        let tm = try taggedMemory()
        let job = Scratch.file("tags.xlf", """
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="ui2" source-language="en" target-language="ru" datatype="plaintext"><body>
            <trans-unit id="1"><source>Click <g id="1">Save</g> to keep <x id="2"/> changes.</source></trans-unit>
            </body></file></xliff>
            """)
        let (out, _) = try pretranslate(job, tm)
        let back = try readAll(try XLIFFReader(path: Scratch.file("back.xlf", out)))
        let original = try #require(try tm.allUnits().first?.unit)
        #expect(back.units.count == 1)
        #expect(back.units.first?.variants.map(\.segment) == original.variants.map(\.segment))
    }
}
