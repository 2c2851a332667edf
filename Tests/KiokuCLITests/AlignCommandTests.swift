import Foundation
import Testing
import KiokuTestSupport

/// `kioku align` as a user runs it: documents in, pairs out (file, TM, JSON, review page),
/// and bad input refused with the file, the line and what to do.
@Suite struct AlignCommandTests {
    let english = Repository.sample("seed-summit.en.txt")
    let russian = Repository.sample("seed-summit.ru.txt")
    let japanese = Repository.sample("seed-summit.ja.txt")

    @Test func writesTheSeedPairsAsTSVWithLanguagesFromTheFileNames() throws {
        let out = Scratch.path("pairs.tsv")
        let result = try KiokuProcess.run(["align", english, russian, "--to", out])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("aligned 26 sentences (en) with 26 (ru): 26 pairs, 0 doubtful, 0 sentences without a counterpart"))
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "en\tru")
        #expect(lines.count == 27)
        #expect(lines.contains("Moscow and Tokyo have still not signed a peace treaty following the end of World War II.\tМосква и Токио до сих пор не подписали мирный договор после окончания Второй мировой войны."))
    }

    @Test func writesTMXWithEachPairsScore() throws {
        let out = Scratch.path("pairs.tmx")
        let result = try KiokuProcess.run(["align", english, japanese, "--to", out])
        #expect(result.status == 0, "\(result.errors)")
        let read = try readTMX(out)
        #expect(read.units.count >= 25)
        #expect(read.units.allSatisfy { $0.metadata.property("x-kioku-align-score") != nil && $0.metadata.property("x-kioku-align-bead") != nil })
        #expect(read.units.allSatisfy { $0.languages.map(\.identifier) == ["en", "ja"] })
    }

    @Test func importsIntoATMInOneGoAndTheTMFindsThem() throws {
        let tm = Scratch.tmPath()
        let first = try KiokuProcess.run(["align", english, russian, "--tm", tm])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.errors.contains("imported into \(tm): 25 new units, 1 duplicate"))
        let lookup = try KiokuProcess.run(["lookup", "Moscow and Tokyo have not signed a peace treaty following the end of World War II.", "--tm", tm, "--src", "en", "--tgt", "ru"])
        #expect(lookup.output.contains("Москва и Токио до сих пор не подписали мирный договор"))
        let stats = try KiokuProcess.run(["stats", "--tm", tm])
        #expect(stats.output.contains("align: \(english) + \(russian)"))
        let again = try KiokuProcess.run(["align", english, russian, "--tm", tm])
        #expect(again.errors.contains("0 new units, 26 duplicates"))
    }

    @Test func jsonLinesListEveryBeadOmissionsToo() throws {
        let shortened = Scratch.file("short.ru.txt", try String(contentsOfFile: russian, encoding: .utf8)
            .replacingOccurrences(of: " Главным камнем преткновения остаётся то, что в последние дни войны Советский Союз занял четыре острова, которые Япония считает своими.", with: ""))
        let result = try KiokuProcess.run(["align", english, shortened, "--json"])
        #expect(result.status == 0, "\(result.errors)")
        let beads = result.output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(beads.count == 26)
        let omissions = beads.filter { ($0["shape"] as? String) == "1-0" }
        #expect(omissions.count == 1)
        #expect((omissions.first?["source"] as? String)?.hasPrefix("The key stumbling block") == true)
        #expect((omissions.first?["target"] as? String) == "")
    }

    @Test func aReviewPageMarksWhatToCheck() throws {
        let shortened = Scratch.file("short.ru.txt", try String(contentsOfFile: russian, encoding: .utf8)
            .replacingOccurrences(of: " Главным камнем преткновения остаётся то, что в последние дни войны Советский Союз занял четыре острова, которые Япония считает своими.", with: ""))
        let page = Scratch.path("review.html")
        let result = try KiokuProcess.run(["align", english, shortened, "--review", page, "--to", Scratch.path("out.tsv")])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("  no counterpart (1-0, "))
        #expect(result.errors.contains("): The key stumbling block remains"))
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("<tr class=\"omission\""))
        #expect(html.contains("0 doubtful pairings, 1 sentence without a counterpart"))
        #expect(html.contains("The key stumbling block remains"))
        #expect(!html.contains("<script"))
    }

    @Test func aBinaryFileIsRefusedAndNothingIsWritten() throws {
        let binary = Scratch.file("photo.txt", Array("line one\nline two\n".utf8) + [0x89, 0x50, 0x00, 0x0D])
        let tm = Scratch.tmPath()
        let result = try KiokuProcess.run(["align", english, binary, "--tm", tm])
        #expect(result.status == 2)
        #expect(result.errors.contains("\(binary):3: not a text file: it holds NUL bytes"))
        #expect(result.errors.contains("Nothing was aligned."))
        #expect(!FileManager.default.fileExists(atPath: tm))
    }

    @Test func aDocumentInTheWrongLanguageIsNotImported() throws {
        let tm = Scratch.tmPath()
        let result = try KiokuProcess.run(["align", english, russian, "--src", "en", "--tgt", "ja", "--tm", tm])
        #expect(result.status != 0)
        #expect(result.errors.contains("was given as ja, but most of its letters are Cyrillic"))
        #expect(!FileManager.default.fileExists(atPath: tm))
        let readOnly = try KiokuProcess.run(["align", english, russian, "--src", "en", "--tgt", "ja"])
        #expect(readOnly.status == 0)
        #expect(readOnly.errors.contains("warning:"))
    }

    @Test func anEmptySideAndBadOptions() throws {
        let empty = Scratch.file("empty.ru.txt", "\n\n")
        let result = try KiokuProcess.run(["align", english, empty])
        #expect(result.status == 2)
        #expect(result.errors.contains("\(empty): the document has no text"))
        let score = try KiokuProcess.run(["align", english, russian, "--min-score", "1.5"])
        #expect(score.status != 0)
        #expect(score.errors.contains("--min-score takes a number from 0 to 1"))
        let pdf = Scratch.file("article.pdf", "%PDF-1.4 binary")
        let refused = try KiokuProcess.run(["align", pdf, russian])
        #expect(refused.status == 2)
        #expect(refused.errors.contains("\(pdf): .pdf documents cannot be read (text, Markdown, HTML and .docx can). Save it as .docx, HTML or plain text"))
        let format = try KiokuProcess.run(["align", english, russian, "--to", Scratch.path("out.xlsx")])
        #expect(format.errors.contains("--to writes .tmx or .tsv files"))
    }

    @Test func htmlAgainstMarkdown() throws {
        let html = Scratch.file("article.html", """
            <html><head><script>var x = 1;</script></head><body>
            <h1>Japan’s PM calls for ‘new era’ in relations with Moscow</h1>
            <p>Moscow and Tokyo have still not signed a peace treaty following the end of World War II. The key stumbling block remains the seizure of four Japanese islands.</p>
            </body></html>
            """)
        let markdown = Scratch.file("article.md", """
            # Премьер Японии призвал к «новой эре» в отношениях с Москвой

            Москва и Токио до сих пор не подписали **мирный договор** после окончания Второй мировой войны. Главным камнем преткновения остаётся захват четырёх японских островов.
            """)
        let result = try KiokuProcess.run(["align", html, markdown, "--src", "en", "--tgt", "ru", "--json"])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].contains("мирный договор после"))
        #expect(!result.output.contains("var x"))
    }
}
