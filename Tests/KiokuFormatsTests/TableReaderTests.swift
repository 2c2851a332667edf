import Testing
import KiokuTestSupport
import KiokuText
@testable import KiokuFormats

@Suite struct TableReaderTests {
    @Test func headerOfLanguageCodesNamesTheColumns() throws {
        let result = try readAll(try DelimitedReader(path: Fixtures.path("header3.tsv")))
        #expect(result.units.count == 2)
        #expect(result.units[0].languages.map(\.identifier) == ["ja", "en", "ru"])
        #expect(result.units[0].sourceLanguage == .japanese)
        #expect(result.lines == [2, 3])
    }

    @Test func headerWithSrcAndTgtSelectsColumns() throws {
        let reader = try DelimitedReader(path: Fixtures.path("header3.tsv"), languages: [.english, .russian], sourceLanguage: .english)
        let result = try readAll(reader)
        #expect(result.units[1].languages == [.english, .russian])
        #expect(result.units[1].variant(.russian)?.segment.text == "Москва")
        #expect(result.units[1].sourceLanguage == .english)
    }

    @Test func headerWithoutTheAskedLanguageIsAnError() throws {
        let german = try #require(LanguageTag("de"))
        #expect(throws: FormatError.self) {
            try DelimitedReader(path: Fixtures.path("header3.tsv"), languages: [.english, german])
        }
    }

    @Test func withoutHeaderTheCallerNamesColumns() throws {
        #expect(throws: FormatError.self) { try DelimitedReader(path: Fixtures.path("noheader.tsv")) }
        let result = try readAll(try DelimitedReader(path: Fixtures.path("noheader.tsv"), languages: [.english, .russian]))
        #expect(result.units.map { $0.variants[1].segment.text } == ["Абэ", "Путин"])
        // blank line ignored; "TASS" has one column; empty source; three columns
        #expect(result.skips.map(\.location.line) == [4, 5, 6])
        #expect(result.skips.map(\.reason) == [.wrongColumnCount(found: 1, expected: 2, tabSeparated: true), .emptySegments,
                                               .wrongColumnCount(found: 3, expected: 2, tabSeparated: true)])
    }

    @Test func csvQuotingEmbeddedCommasQuotesAndLineBreaks() throws {
        let result = try readAll(try DelimitedReader(path: Fixtures.path("quoted.csv")))
        #expect(result.units.map { $0.variants[0].segment.text } == ["Moscow, Tokyo", "He said \"yes\"", "Two\nlines", "Sochi"])
        #expect(result.units[2].variant(.russian)?.segment.text == "Две\nстроки")
        #expect(result.lines == [2, 3, 4, 7])
    }

    @Test func utf16TSVWithBOM() throws {
        let path = Scratch.file("u16.tsv", .utf16("en\tru\nTokyo\tТокио\n", bigEndian: false))
        let result = try readAll(try DelimitedReader(path: path))
        #expect(result.units.first?.variant(.russian)?.segment.text == "Токио")
    }

    @Test func invalidUTF8InTSVNamesTheLine() throws {
        let path = Scratch.file("bad.tsv", Array("en\tru\nok\tок\n".utf8) + [0x41, 0x09, 0xD0] + Array("\n".utf8))
        #expect {
            _ = try readAll(try DelimitedReader(path: path))
        } throws: { error in
            guard case FormatError.badEncoding(let at, _) = error else { return false }
            return at.line == 3
        }
    }

    @Test func mosesFilesLineByLine() throws {
        let reader = try MosesReader(sourcePath: Fixtures.path("corpus.en"), targetPath: Fixtures.path("corpus.ru"),
                                     sourceLanguage: nil, targetLanguage: nil)
        let result = try readAll(reader)
        #expect(result.units.count == 3)
        #expect(result.units[2].variant(.russian)?.segment.text == "ТАСС сообщил.")
        #expect(result.skips.count == 1)
        #expect(result.skips[0].location.line == 3)
    }

    @Test func mosesFilesOfDifferentLengthAreAnError() throws {
        let reader = try MosesReader(sourcePath: Fixtures.path("short.en"), targetPath: Fixtures.path("short.ru"),
                                     sourceLanguage: nil, targetLanguage: nil)
        #expect {
            _ = try readAll(reader)
        } throws: { error in
            "\(error)".contains("not aligned") && "\(error)".contains("short.ru:2")
        }
    }
}
