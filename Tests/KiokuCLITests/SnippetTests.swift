import Foundation
import Testing
import KiokuTestSupport

/// The usage snippets the DocC catalogs show (`Snippets/`) are built with the package; each
/// must run and print what its comments promise, and leave nothing in the temporary folder.
@Suite struct SnippetTests {
    func run(_ name: String) throws -> String {
        let temporary = Scratch.directory()
        let result = try KiokuProcess.run(KiokuProcess.built(name), environment: ["TMPDIR": temporary.path])
        #expect(result.status == 0, "\(name): \(result.errors)")
        let left = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
        #expect(left.isEmpty, "\(name) left \(left) in its temporary folder")
        return result.output
    }

    @Test func kiokuTextScansAndStems() throws {
        let output = try run("ScanAndNormalize")
        #expect(output.contains(##""december", "#15"]"##))
        #expect(output.contains("Путина → путин"))
    }

    @Test func kiokuFormatsReadsCodesAsCodes() throws {
        let output = try run("ReadAndWriteFiles")
        #expect(output.contains("summit.tmx:4 The Far East forum"))
        #expect(output.contains("The Far East forum\tФорум Дальнего Востока"))
    }

    @Test func kiokuMemoryImportsAndExports() throws {
        let output = try run("ImportAndExport")
        #expect(output.contains("2 added, 0 duplicates, 0 skipped"))
        #expect(output.contains("exported 3 units"))
    }

    @Test func kiokuMatchLooksUpAndAdaptsNumbers() throws {
        let output = try run("LookUpASentence")
        #expect(output.contains("99 Путин и Абэ договорились вновь встретиться 15 декабря в Японии."))
        #expect(output.contains("adapted: Путин и Абэ договорились вновь встретиться 20 декабря в Японии."))
        #expect(output.contains("unit 1:"))
    }

    @Test func kiokuTermsFindsTheForbiddenName() throws {
        let output = try run("CheckAGlossary")
        #expect(output.contains("error forbidden Shinzo Abe: «Шинзо Абе» in the ru target; use «Синдзо Абэ»"))
        #expect(output.hasSuffix("true\n"))
    }

    @Test func kiokuServerServesAndStops() throws {
        let output = try run("ServeATM")
        #expect(output.contains(#""quality":100,"source":"Moscow and Tokyo","target":"Москва и Токио""#))
    }

    @Test func kiokuAlignPairsSentencesAndKeepsOmissionsApart() throws {
        let output = try run("AlignTwoDocuments")
        #expect(output.contains("1-1 PM Abe met President Putin in Vladivostok on Saturday. | Премьер Абэ встретился с президентом Путиным во Владивостоке в субботу."))
        #expect(output.contains("1-0 Tokyo and Moscow have not signed a peace treaty. | "))
        #expect(output.hasSuffix("3 units\n"))
    }

    @Test func kiokuJobsAnalyzesAndPretranslates() throws {
        let output = try run("PretranslateAJob")
        #expect(output.contains(#"["100%", "75–84%"]"#))
        #expect(output.contains(#"["exact-match": 1] 1"#))
        #expect(output.hasSuffix("true\n"))
    }
}
