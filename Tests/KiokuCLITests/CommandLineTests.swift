import Foundation
import Testing
import KiokuTestSupport

/// What a user meets at the terminal: advice in the words of the command, options that
/// say which values they take, help that wraps.
@Suite struct CommandLineTests {
    /// A TM holding the seed memory (EN, RU, JA).
    static func seedTM() throws -> String {
        let tm = Scratch.tmPath()
        let result = try KiokuProcess.run(["import", Repository.sample("seed-summit.tmx"), "--tm", tm])
        #expect(result.status == 0, "\(result.errors)")
        return tm
    }

    @Test func lookupInALanguageTheTMLacksSaysWhichItHolds() throws {
        let tm = try Self.seedTM()
        let german = try KiokuProcess.run(["lookup", "Moscow and Tokyo", "--tm", tm, "--src", "en", "--tgt", "de"])
        #expect(german.status == 2)
        #expect(german.errors.contains("has no de segments; it holds segments in en, ja, ru"))
        let batch = try KiokuProcess.run(["lookup", "--batch", "-", "--tm", tm, "--src", "fr", "--tgt", "ru"], input: "Bonjour\n")
        #expect(batch.status == 2)
        #expect(batch.errors.contains("has no fr segments"))
        let noMatch = try KiokuProcess.run(["lookup", "Completely unrelated words here", "--tm", tm, "--src", "en", "--tgt", "ru"])
        #expect(noMatch.status == 0)
        #expect(noMatch.output.contains("No match at or above 70%."))
    }

    /// A revision made in OmegaT (dated and signed on the target, with a note) is listed first,
    /// with when, by whom and the note.
    /// A TM whose index an older Kioku saved (another format) is indexed again by the first
    /// lookup: the user hears why it waits, once, not a silent pause.
    @Test func aLookupThatMustIndexTheTMFirstSaysSoOnce() throws {
        let tm = Scratch.tmPath()
        let rows = (0..<100_000).map { "Report number \($0) from Vladivostok\tСообщение номер \($0) из Владивостока" }
        let corpus = Scratch.file("reports.tsv", "en\tru\n" + rows.joined(separator: "\n") + "\n")
        let imported = try KiokuProcess.run(["import", corpus, "--tm", tm])
        #expect(imported.status == 0, "\(imported.errors)")
        let query = ["lookup", "--tm", tm, "--src", "en", "--tgt", "ru"]
        let current = try KiokuProcess.run(query + ["Report number 6 from Vladivostok"])
        #expect(current.status == 0 && current.errors.isEmpty, "\(current.errors)")  // imported with its index
        try SQLiteShell.run(tm, "UPDATE fuzzy_state SET value = 2 WHERE key = 'format'")
        let first = try KiokuProcess.run(query + ["Report number 7 from Vladivostok"])
        #expect(first.status == 0)
        #expect(first.errors.contains("note: indexing 100,000 units for fuzzy lookups first (the index is saved in the TM"), "\(first.errors)")
        #expect(first.output.contains("Сообщение номер 7 из Владивостока"))
        let second = try KiokuProcess.run(query + ["Report number 8 from Vladivostok"])
        #expect(second.status == 0 && second.errors.isEmpty, "\(second.errors)")
        #expect(second.output.contains("Сообщение номер 8 из Владивостока"))
    }

    @Test func lookupShowsWhoRevisedATranslationAndWhen() throws {
        let tm = try Self.seedTM()
        let revision = Scratch.file("project_save.tmx", """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.1"><header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="3.6.0_10" segtype="sentence" srclang="EN"/><body>
            <tu><note>revised by the desk</note>
            <tuv lang="EN"><seg>Moscow and Tokyo have still not signed a peace treaty following the end of World War II.</seg></tuv>
            <tuv lang="RU" changeid="olga" changedate="20261121T090000Z" creationid="kioku-team" creationdate="20161001T120000Z"><seg>Москва и Токио так и не подписали мирный договор после окончания Второй мировой войны.</seg></tuv>
            </tu></body></tmx>
            """)
        #expect(try KiokuProcess.run(["import", revision, "--tm", tm]).status == 0)
        let found = try KiokuProcess.run(["lookup", "Moscow and Tokyo have still not signed a peace treaty following the end of World War II.",
                                          "--tm", tm, "--src", "en", "--tgt", "ru"])
        let lines = found.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 9, "\(found.output)")
        #expect(lines.prefix(5) == ["100%  unit 26",
                                    "  en: Moscow and Tokyo have still not signed a peace treaty following the end of World War II.",
                                    "  ru: Москва и Токио так и не подписали мирный договор после окончания Второй мировой войны.",
                                    "  from \(revision), 20261121T090000Z, by olga",
                                    "  note: revised by the desk"])
        #expect(lines.last?.hasSuffix("seed-summit.tmx, 20161001T120000Z, by kioku-team") == true)
    }

    /// XLIFF 1.2 holds one pair, so the export asks for it; what it writes imports back whole.
    @Test func anXLIFFExportNamesItsPairAndImportsBack() throws {
        let tm = try Self.seedTM()
        let path = Scratch.directory().appendingPathComponent("seed-en-ja.xlf").path
        let unnamed = try KiokuProcess.run(["export", "--tm", tm, "--to", path])
        #expect(unnamed.status != 0)
        #expect(unnamed.errors.contains("XLIFF holds one language pair: name it with --langs, source first"))
        #expect(try KiokuProcess.run(["export", "--tm", tm, "--to", path, "--langs", "en,en"]).errors.contains("XLIFF holds one language pair"))
        let exported = try KiokuProcess.run(["export", "--tm", tm, "--to", path, "--langs", "en,ja"])
        #expect(exported.status == 0)
        #expect(exported.output.contains("Exported 25 units"))
        let again = Scratch.tmPath()
        let imported = try KiokuProcess.run(["import", path, "--tm", again, "--json"])
        let report = try JSONSerialization.jsonObject(with: Data(imported.output.utf8)) as? [String: Any]
        #expect(report?["added"] as? Int == 25)
        #expect(report?["skipped"] as? Int == 0)
        let found = try KiokuProcess.run(["lookup", "During the gathering in Vladivostok, President Putin and PM Abe agreed to once again meet on December 15 in Japan.",
                                          "--tm", again, "--src", "en", "--tgt", "ja"])
        #expect(found.output.contains("100%"))
        #expect(found.output.contains("ウラジオストクでの会合で"))
    }

    @Test func adviceFitsTheCommandThatMetTheProblem() throws {
        let broken = Scratch.file("broken.tmx", "<tmx version=\"1.4\"><body><tu>")
        let imported = try KiokuProcess.run(["import", broken, "--tm", Scratch.tmPath()])
        #expect(imported.status == 2)
        #expect(imported.errors.contains("broken.tmx:1: malformed XML"))
        #expect(imported.errors.contains("import it again; nothing was imported."))
        let checked = try KiokuProcess.run(["check", broken])
        #expect(checked.status == 2)
        #expect(checked.errors.contains("check it again."))
        #expect(!checked.errors.contains("import"))

        let headless = Scratch.file("pairs.tsv", "Tokyo\tТокио\n")
        let columns = try KiokuProcess.run(["import", headless, "--tm", Scratch.tmPath()])
        #expect(columns.status == 2)
        #expect(columns.errors.contains("pass --src and --tgt"))
        let missing = try KiokuProcess.run(["stats", "--tm", Scratch.path("none.kioku")])
        #expect(missing.status == 2)
        #expect(missing.errors.contains("no such translation memory. Import something into it first"))
    }

    @Test func optionsWithFixedValuesNameTheValuesTheyTake() throws {
        let tm = Scratch.tmPath()
        let sample = Repository.sample("seed-summit.tmx")
        let enforce = try KiokuProcess.run(["import", sample, "--tm", tm, "--glossary", Repository.glossary("names-and-places.tbx"), "--enforce", "maybe"])
        #expect(enforce.status == 64)
        #expect(enforce.errors.contains("Please provide one of 'reject' and 'flag'"))
        let format = try KiokuProcess.run(["import", sample, "--tm", tm, "--format", "docx"])
        #expect(format.errors.contains("- tmx\n  - tsv\n  - csv\n  - xliff\n  - moses\n  - po"))
        let exportFormat = try KiokuProcess.run(["export", "--tm", tm, "--to", Scratch.path("out.txt"), "--format", "xml"])
        #expect(exportFormat.errors.contains("'tmx', 'tsv' or 'xliff'"))
        let languages = try KiokuProcess.run(["import", sample, "--tm", tm, "--langs", "en,x_1"])
        #expect(languages.errors.contains("\"x_1\" is not a language code"))
        let level = try KiokuProcess.run(["serve", "--tm", tm, "--log-level", "loud"])
        #expect(level.errors.contains("- trace") && level.errors.contains("- critical"))
        // nothing of those runs touched the TM: it was never created
        #expect(!FileManager.default.fileExists(atPath: tm))
    }

    @Test func helpWrapsToTheTerminalWithoutBreakingSentences() throws {
        for command in ["import", "lookup", "concordance", "check", "glossary", "export", "stats", "serve"] {
            let help = try KiokuProcess.run(["help", command]).output
            #expect(help.contains("USAGE:"), "\(command)")
            let prose = help.split(separator: "\n").filter { !$0.hasPrefix("USAGE:") && !$0.hasPrefix("  GET") && !$0.hasPrefix("  POST") && !$0.hasPrefix("  PUT") }
            #expect(prose.allSatisfy { $0.count <= 80 }, "\(command): \(prose.filter { $0.count > 80 })")
            // A hard line break inside a sentence shows as a short line the next one continues in lower case.
            let discussion = help.components(separatedBy: "USAGE:")[0].split(separator: "\n", omittingEmptySubsequences: false)
            for (line, next) in zip(discussion, discussion.dropFirst()) where !line.isEmpty && !line.hasPrefix(" ") && !next.hasPrefix(" ") {
                #expect(!(line.count < 60 && next.first?.isLowercase == true), "\(command): \"\(line)\" breaks before \"\(next)\"")
            }
        }
    }
}
