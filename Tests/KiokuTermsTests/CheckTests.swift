import Foundation
import Testing
import KiokuTestSupport
import KiokuFormats
import KiokuMemory
import KiokuText
@testable import KiokuTerms

@Suite struct CheckTests {
    func check(_ path: String, glossary: Glossary? = Repository.seedGlossary) throws -> CheckReport {
        let checker = UnitChecker(glossary: glossary)
        let reader = try TMXReader(path: path)
        while let item = try reader.next() {
            if case .unit(let unit, let at) = item { checker.add(unit, location: at.description) }
        }
        return checker.finish()
    }

    @Test func theSampleMemoryPassesTheBundledGlossary() throws {
        let report = try check(Repository.path("memories/seed-summit.tmx"))
        #expect(report.unitsChecked == 26)
        #expect(report.errors == 0, "\(report.findings.filter { $0.severity == .error })")
        #expect(report.passed)
    }

    @Test func theDamagedCopyFailsWithExactlyItsDamage() throws {
        let report = try check(Repository.termsFixture("seed-damaged.tmx"))
        let errors = report.findings.filter { $0.severity == .error }
        let summary = errors.map { "\($0.location.split(separator: ":").last!) \($0.kind.rawValue) \($0.conceptID!) \($0.targetLanguage) \($0.found)" }
        #expect(summary == [
            "24 forbidden shinzo-abe ru [\"Шинзо Абе\"]",
            "30 forbidden vladimir-putin ru [\"Путена\"]",
            "48 forbidden moscow ja [\"モスコー\"]",
            "120 forbidden vladivostok ja [\"ウラジオストック\"]",
            "126 missing vladivostok ru []",
        ])
        #expect(errors[0].expected == ["Синдзо Абэ", "Абэ"])
        #expect(!report.passed)
    }

    @Test func findingsSayWhatWasExpectedAndFound() throws {
        let checker = GlossaryChecker(glossary: Repository.seedGlossary, source: .english, target: .russian)
        let findings = checker.check(source: "Abe met Putin in Vladivostok.", target: "Шинзо Абе встретился с Путиным.", location: "x:1")
        #expect(findings.map(\.kind) == [.forbidden, .missing])
        #expect(findings[1].conceptID == "vladivostok")
        #expect(findings[0].description == "x:1: error forbidden Shinzo Abe: «Шинзо Абе» in the ru target; use «Синдзо Абэ» or «Абэ»")
        let extra = checker.check(source: "The talks went on.", target: "Переговоры в Токио продолжились.", location: "x:2")
        #expect(extra.map(\.kind) == [.extra])
        #expect(extra[0].severity == .warning)
    }

    @Test func inconsistentTranslationsWithoutAGlossary() throws {
        let checker = UnitChecker(glossary: nil)
        func unit(_ en: String, _ ru: String) -> TranslationUnit {
            TranslationUnit(variants: [Variant(language: .english, text: en), Variant(language: .russian, text: ru)], sourceLanguage: .english)
        }
        checker.add(unit("The forum opened.", "Форум открылся."), location: "a:1")
        checker.add(unit("The  forum opened.", "Форум начал работу."), location: "a:2")
        checker.add(unit("The forum closed.", "Форум открылся."), location: "a:3")
        checker.add(unit("Tokyo", "Токио"), location: "a:4")
        let report = checker.finish()
        #expect(report.errors == 0)
        #expect(report.findings.map(\.kind) == [.inconsistent, .inconsistent])
        #expect(Set(report.findings.map(\.location)) == ["a:1, a:2", "a:1, a:3"])
    }

    @Test func importCanRejectOrFlagViolatingUnits() throws {
        let glossary = Repository.seedGlossary
        for mode in ["reject", "flag"] {
            let tm = try TranslationMemory(path: Scratch.path("tm.kioku"))
            let checker = UnitChecker(glossary: glossary)
            let options = ImportOptions(screen: { unit, location in
                let errors = checker.findings(of: unit, location: location.description).filter { $0.severity == .error }
                if errors.isEmpty { return .accept }
                return mode == "reject" ? .reject("\(errors.count) glossary errors") : .flag("\(errors.count) glossary errors")
            })
            let report = try tm.importUnits(from: [.init(origin: "damaged", reader: try TMXReader(path: Repository.termsFixture("seed-damaged.tmx")))],
                                            options: options)
            if mode == "reject" {
                #expect(report.rejected == 5)
                #expect(report.rejections.map(\.location.line) == [24, 30, 48, 120, 126])
                #expect(report.added == 20)
            } else {
                #expect(report.flagged == 5)
                #expect(report.added == 25)
                let flagged = try tm.allUnits().filter { $0.unit.metadata.property(TranslationUnit.flagProperty) != nil }
                #expect(flagged.count == 5)
            }
        }
    }

    @Test func theGlossaryCanLiveInTheTM() throws {
        let tm = try TranslationMemory(path: Scratch.path("tm.kioku"))
        #expect(try GlossaryStore.load(from: tm).concepts.isEmpty)
        #expect(try GlossaryStore.save(Repository.seedGlossary, into: tm) == 20)
        #expect(try GlossaryStore.save(Repository.seedGlossary, into: tm) == 0)  // replaced, not duplicated
        #expect(try GlossaryStore.load(from: tm) == Repository.seedGlossary)
    }

    @Test func lookupAnnotationsSayWhatAQueryNeeds() {
        let annotation = GlossaryAnnotation(glossary: Repository.seedGlossary, query: "Putin arrived in Vladivostok.",
                                            targets: ["Путин прибыл во Владивосток.", "Путин прибыл в Хабаровск."],
                                            source: .english, target: .russian)
        #expect(annotation.requires.map(\.conceptID) == ["vladimir-putin", "vladivostok"])
        #expect(annotation.matches.map(\.complies) == [true, false])
        #expect(annotation.matches[1].problems == ["missing Vladivostok (Владивосток)"])
    }
}
