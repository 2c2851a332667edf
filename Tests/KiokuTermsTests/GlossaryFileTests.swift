import Foundation
import Testing
import KiokuTestSupport
import KiokuFormats
import KiokuText
@testable import KiokuTerms

@Suite struct GlossaryFileTests {
    @Test func readsTheBundledTBX() throws {
        let glossary = Repository.seedGlossary
        #expect(glossary.concepts.count == 20)
        let abe = try #require(glossary.concepts.first { $0.id == "shinzo-abe" })
        #expect(abe.type == .person)
        #expect(abe.approvedTerms(in: .russian).map(\.text) == ["Синдзо Абэ", "Абэ"])
        #expect(abe.forbiddenTerms(in: .russian).map(\.text).contains("Шинзо Абе"))
        #expect(abe.terms.first?.partOfSpeech == "properNoun")
        #expect(glossary.languages.map(\.identifier) == ["en", "ja", "ru"])
    }

    @Test func tbxWriteThenReadIsLossless() throws {
        let path = Scratch.path("out.tbx")
        try TBXWriter.write(Repository.seedGlossary, to: path)
        #expect(try TBXReader.read(path: path) == Repository.seedGlossary)
    }

    @Test func tsvAndTBXFormsOfTheBundledGlossaryAgree() throws {
        let table = try GlossaryTable.read(path: Repository.path("glossaries/names-and-places.tsv"))
        let tbx = Repository.seedGlossary
        #expect(table.concepts.map(\.id) == tbx.concepts.map(\.id))
        for (a, b) in zip(table.concepts, tbx.concepts) {
            #expect(Set(a.terms.map { "\($0.language)|\($0.text)|\($0.status)" }) == Set(b.terms.map { "\($0.language)|\($0.text)|\($0.status)" }), "\(a.id)")
            #expect(a.type == b.type)
        }
    }

    @Test func tsvWithoutIDsGroupsByTheFirstLanguageAndForbiddenRows() throws {
        let path = Scratch.file("g.tsv", """
            # a comment
            type\ten\tru\tja\tstatus\tcase
            person\tShinzo Abe\tСиндзо Абэ\t安倍晋三\t
            \tShinzo Abe\tШинзо Абе; Синдзо Абе\t\tforbidden
            organization\tNHK\tNHK\tNHK\t\tyes

            """)
        let glossary = try GlossaryTable.read(path: path)
        #expect(glossary.concepts.count == 2)
        let abe = glossary.concepts[0]
        #expect(abe.type == .person)
        #expect(abe.terms.filter { $0.status == .forbidden }.map(\.text) == ["Шинзо Абе", "Синдзо Абе"])
        #expect(abe.terms.filter { $0.language == .english }.map(\.status) == [.preferred])
        #expect(glossary.concepts[1].terms.allSatisfy { $0.caseSensitive })
    }

    @Test func theCountriesGlossaryKeepsItsAttribution() throws {
        let path = Repository.path("glossaries/countries.tsv")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# Country names"))
        #expect(text.contains("MIT License"))
        let glossary = try GlossaryTable.read(path: path)
        #expect(glossary.concepts.count > 240)
        #expect(glossary.concepts.first { $0.id == "JP" }?.approvedTerms(in: .japanese).map(\.text) == ["日本"])
    }

    @Test func badGlossariesNameFileAndLine() throws {
        let status = Scratch.file("s.tsv", "en\tru\tstatus\nTokyo\tТокио\tmaybe\n")
        #expect { try GlossaryTable.read(path: status) } throws: { "\($0)".contains("s.tsv:2") && "\($0)".contains("maybe") }
        let header = Scratch.file("h.tsv", "English\tRussian\nTokyo\tТокио\n")
        #expect { try GlossaryTable.read(path: header) } throws: { "\($0)".contains("h.tsv:1") }
        let tbx = Scratch.file("b.tbx", "<martif><text><body><termEntry><langSet><tig><term>x</term></tig></langSet></termEntry></body></text></martif>")
        #expect { try TBXReader.read(path: tbx) } throws: { "\($0)".contains("b.tbx:1") && "\($0)".contains("xml:lang") }
        let notTBX = Scratch.file("n.tbx", "<tmx version=\"1.4\"/>")
        #expect(throws: FormatError.self) { try TBXReader.read(path: notTBX) }
    }
}
