import Foundation
import Testing
import KiokuTestSupport

/// `kioku analyze` and `kioku pretranslate` as a user runs them on the bundled seed memory.
@Suite struct JobCommandTests {
    let sentences = [
        "Moscow and Tokyo have still not signed a peace treaty following the end of World War II.",
        "Moscow and Tokyo have not yet signed a peace treaty following the end of World War II.",
        "Moscow and Tokyo have still not signed a peace treaty following the end of World War II.",
        "An entirely new sentence for the next article.",
    ]

    func seedTM() throws -> String {
        let tm = Scratch.tmPath()
        #expect(try KiokuProcess.run(["import", Repository.sample("seed-summit.tmx"), "--tm", tm]).status == 0)
        return tm
    }

    func job(_ name: String = "next.xlf") -> String {
        Scratch.file(name, """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              <file original="next.docx" source-language="en" target-language="ru" datatype="plaintext">
                <body>
            \(sentences.enumerated().map { "      <trans-unit id=\"\($0.offset + 1)\"><source>\($0.element)</source></trans-unit>\n" }.joined())    </body>
              </file>
            </xliff>

            """)
    }

    @Test func analyzePrintsATableJSONCSVAndAnHTMLReport() throws {
        let tm = try seedTM()
        let path = job()
        let table = try KiokuProcess.run(["analyze", path, "--tm", tm])
        #expect(table.status == 0, "\(table.errors)")
        #expect(table.output.contains("100%                   1     17"), "\(table.output)")
        #expect(table.output.contains("repetitions            1     17"))
        #expect(table.output.contains("total                  4"))
        let json = try KiokuProcess.run(["analyze", path, "--tm", tm, "--json"])
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let segments = try #require((answer["files"] as? [[String: Any]])?.first?["segments"] as? [[String: Any]])
        #expect(segments.map { $0["band"] as? String } == ["100%", "85–94%", "repetitions", "no match"])
        let csv = try KiokuProcess.run(["analyze", path, "--tm", tm, "--csv", "--bands", "100,90,70"])
        #expect(csv.output.hasPrefix("file,source,target,band,segments,words,characters\r\n"))
        #expect(csv.output.contains("TOTAL,,,70–89%,1,17,"))
        let html = Scratch.path("report.html")
        #expect(try KiokuProcess.run(["analyze", path, "--tm", tm, "--html", html]).status == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("<rect") && page.contains("repetitions"))
    }

    @Test func pretranslateWritesTheFileAndSaysWhatItDid() throws {
        let tm = try seedTM()
        let out = Scratch.path("next.ru.xlf")
        let result = try KiokuProcess.run(["pretranslate", job(), "--tm", tm, "--to", out])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("filled: 2 (2 exact-match)"))
        #expect(result.output.contains("candidates only: 1"))
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.components(separatedBy: "state-qualifier=\"exact-match\"").count == 3)
    }

    @Test func badInputIsRefusedWithFileAndLineAndNothingIsWritten() throws {
        let tm = try seedTM()
        let broken = Scratch.file("broken.xlf", "<xliff version=\"1.2\">\n<file source-language=\"en\" target-language=\"ru\"><body>\n<trans-unit id=\"1\"><source>a</trans-unit>\n</body></file></xliff>\n")
        let out = Scratch.path("never.xlf")
        let result = try KiokuProcess.run(["pretranslate", broken, "--tm", tm, "--to", out])
        #expect(result.status == 2)
        #expect(result.errors.contains("\(broken):3:") && result.errors.contains("nothing was written"), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: out) && !FileManager.default.fileExists(atPath: out + ".partial"))
        let german = Scratch.file("de.xlf", "<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"de\"><body><trans-unit id=\"1\"><source>a</source></trans-unit></body></file></xliff>")
        let missing = try KiokuProcess.run(["analyze", german, "--tm", tm])
        #expect(missing.status == 2 && missing.errors.contains("the TM has no de segments (it holds en, ja, ru)"), "\(missing.errors)")
        let bands = try KiokuProcess.run(["analyze", german, "--tm", tm, "--bands", "100,100"])
        #expect(bands.status == 2 && bands.errors.contains("appears twice"))
        let same = try KiokuProcess.run(["pretranslate", broken, "--tm", tm, "--to", broken])
        #expect(same.status != 0 && same.errors.contains("--to must name a new file"))
    }

    @Test func poFilesImportAndPretranslate() throws {
        let tm = Scratch.tmPath()
        let catalog = Scratch.file("app.ru.po", "msgid \"\"\nmsgstr \"Language: ru\\n\"\n\nmsgid \"Save\"\nmsgstr \"Сохранить\"\n\nmsgid \"Quit\"\nmsgstr \"\"\n")
        let imported = try KiokuProcess.run(["import", catalog, "--tm", tm])
        #expect(imported.status == 0 && imported.output.contains("1 unit added"), "\(imported.output)\(imported.errors)")
        let template = Scratch.file("app.pot", "msgid \"\"\nmsgstr \"\"\n\nmsgid \"Save\"\nmsgstr \"\"\n")
        let out = Scratch.path("app.ru.po")
        let result = try KiokuProcess.run(["pretranslate", template, "--tm", tm, "--tgt", "ru", "--to", out])
        #expect(result.status == 0, "\(result.errors)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("msgid \"Save\"\nmsgstr \"Сохранить\"\n"))
    }
}
