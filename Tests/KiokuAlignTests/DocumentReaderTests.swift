import Foundation
import Testing
import KiokuTestSupport
import KiokuText
import ZIPFoundation
@testable import KiokuAlign

/// The documents people have, read as paragraphs; bad input refused with the file and line.
@Suite struct DocumentReaderTests {
    @Test func plainTextAParagraphALine() throws {
        let long = String(repeating: "Очень длинное предложение абзаца. ", count: 4)
        let path = Scratch.file("a.txt", "Первый абзац. Два предложения.\n\n\(long)\r\nТретий абзац.\n")
        let document = try DocumentReader.read(path: path, language: .russian)
        #expect(document.paragraphs == ["Первый абзац. Два предложения.", long.trimmingCharacters(in: .whitespaces), "Третий абзац."])
    }

    @Test func plainTextInBlankLineSeparatedBlocks() throws {
        let path = Scratch.file("b.txt", "The first paragraph\nwraps here.\n\nThe second one\nwraps too.\n")
        #expect(try DocumentReader.read(path: path, language: .english).paragraphs == ["The first paragraph wraps here.", "The second one wraps too."])
        let japanese = Scratch.file("b.ja.txt", "日本の首相は\n呼びかけた。\n\n次の段落。\n")
        #expect(try DocumentReader.read(path: japanese, language: .japanese).paragraphs == ["日本の首相は呼びかけた。", "次の段落。"])
    }

    @Test func utf16WithByteOrderMarksAndUTF8WithOne() throws {
        let text = "Москва и Токио.\nВторой абзац."
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        for bytes in [little, big, bom] {
            let document = try DocumentReader.read(path: Scratch.file("u.txt", bytes), language: .russian)
            #expect(document.paragraphs == ["Москва и Токио.", "Второй абзац."])
        }
    }

    @Test func aBinaryFileIsRefusedWithItsLine() throws {
        let path = Scratch.file("photo.txt", Array("line one\nline two\n".utf8) + [0x89, 0x50, 0x00, 0x0D])
        #expect(throws: AlignError.notText(file: path, line: 3, reason: "it holds NUL bytes (a binary file, or UTF-16 without a byte-order mark?)")) {
            try DocumentReader.read(path: path, language: .english)
        }
        let latin1 = Scratch.file("old.txt", Array("fine\nstill fine\n".utf8) + [0x43, 0x61, 0x66, 0xE9, 0x0A])
        let error = Self.error { try DocumentReader.read(path: latin1, language: .english) }
        #expect(error?.description.hasPrefix("\(latin1):3: not a text file: the bytes are not UTF-8") == true)
    }

    @Test func emptyAndMissingFiles() throws {
        let empty = Scratch.file("empty.txt", "\n  \n\n")
        #expect(throws: AlignError.empty(file: empty)) { try DocumentReader.read(path: empty, language: .english) }
        #expect(throws: AlignError.self) { try DocumentReader.read(path: "/no/such/file.txt", language: .english) }
    }

    @Test func markdownWithoutItsMarkup() throws {
        let path = Scratch.file("article.md", """
            # Japan’s PM calls for a *new era*

            Shinzo Abe met **Vladimir Putin** in [Vladivostok](https://example.com/vl).
            The talks lasted `three` hours.

            ![a photo](photo.jpg)

            - Peace treaty
            - Islands

            > “We are united in one,” he said.

            ```
            let code = "not text"
            ```
            """)
        let document = try DocumentReader.read(path: path, language: .english)
        #expect(document.paragraphs == [
            "Japan’s PM calls for a new era",
            "Shinzo Abe met Vladimir Putin in Vladivostok. The talks lasted three hours.",
            "Peace treaty", "Islands",
            "“We are united in one,” he said.",
        ])
    }

    @Test func htmlBlocksWithoutScriptsOrStyles() throws {
        let path = Scratch.file("page.html", """
            <!DOCTYPE html><html><head><title>Ignored title</title><style>p { color: red }</style></head>
            <body><script>var s = "<p>not text</p>";</script>
            <h1>Премьер Японии призвал к &laquo;новой эре&raquo;</h1>
            <p>Синдзо Абэ встретился с <b>Владимиром Путиным</b>
               во&nbsp;Владивостоке.<br>Переговоры длились три часа.</p>
            <!-- <p>a comment</p> -->
            <ul><li>Мирный договор</li><li>Острова &amp; санкции &#8212; 2016</li></ul>
            <noscript><p>Enable JavaScript</p></noscript>
            </body></html>
            """)
        let document = try DocumentReader.read(path: path, language: .russian)
        #expect(document.paragraphs == [
            "Премьер Японии призвал к «новой эре»",
            "Синдзо Абэ встретился с Владимиром Путиным во\u{00A0}Владивостоке.",
            "Переговоры длились три часа.",
            "Мирный договор",
            "Острова & санкции — 2016",
        ])
    }

    @Test func wordDocumentMadeHere() throws {
        let path = try Self.makeDocx(paragraphs: [
            [("日本の首相、", false, false), ("「新時代」", true, false)],
            [("安倍首相は", false, false), ("削除された文", false, true), ("呼びかけた。", false, false)],
            [],
        ])
        let document = try DocumentReader.read(path: path, language: .japanese)
        #expect(document.paragraphs == ["日本の首相、「新時代」", "安倍首相は呼びかけた。"])
    }

    @Test func aDocxThatIsNotAWordDocument() throws {
        let notZip = Scratch.file("old.docx", "this is not a zip")
        #expect(throws: AlignError.self) { try DocumentReader.read(path: notZip, language: .english) }
        let folder = Scratch.directory()
        let url = folder.appendingPathComponent("empty.docx")
        let archive = try Archive(url: url, accessMode: .create)
        let data = Data("hello".utf8)
        try archive.addEntry(with: "readme.txt", type: .file, uncompressedSize: Int64(data.count)) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
        let error = Self.error { try DocumentReader.read(path: url.path, language: .english) }
        #expect(error?.description.contains("no word/document.xml") == true)
    }

    /// A .docx whose compressed part ends too soon (found by fuzzing: ZIPFoundation waited for
    /// the missing bytes forever) is refused as damaged.
    @Test func aDamagedDocxIsRefusedNotWaitedOn() throws {
        let path = Repository.path("Fuzz/regressions/document-docx/truncated-deflate-hung-zipfoundation")
        let error = Self.error { try DocumentReader.read(path: path, language: .english, format: .docx) }
        #expect(error?.description.contains("not a readable Word document: the zip archive is damaged") == true, "\(String(describing: error))")
    }

    /// The AlignError `body` throws, if it throws one.
    static func error(_ body: () throws -> AlignDocument) -> AlignError? {
        do { _ = try body(); return nil } catch { return error as? AlignError }
    }

    /// A minimal .docx: runs of text (bold or not, or deleted by tracked changes) in paragraphs.
    static func makeDocx(paragraphs: [[(String, Bool, Bool)]]) throws -> String {
        var body = ""
        for paragraph in paragraphs {
            body += "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>"
            for (text, bold, deleted) in paragraph {
                if deleted {
                    body += "<w:del w:id=\"1\" w:author=\"editor\"><w:r><w:delText>\(text)</w:delText></w:r></w:del>"
                } else {
                    body += "<w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
                }
            }
            body += "</w:p>"
        }
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr/></w:body></w:document>
            """
        let url = Scratch.directory().appendingPathComponent("made.docx")
        let archive = try Archive(url: url, accessMode: .create)
        for (name, content) in [("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
                                ("word/document.xml", xml)] {
            let data = Data(content.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url.path
    }
}
