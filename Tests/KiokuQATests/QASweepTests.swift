import Foundation
import Testing
import KiokuFormats
import KiokuMemory
import KiokuQA
import KiokuTerms
import KiokuTestSupport

/// A TM with one planted problem of every kind among clean units: the sweep reports exactly
/// those, no more and no less.
@Suite struct QASweepTests {
    static func unit(_ en: String, _ ru: String, markup: String? = nil) -> TranslationUnit {
        TranslationUnit(variants: [Variant(language: .english, segment: Segment(text: en, markup: markup)),
                                   Variant(language: .russian, text: ru)], sourceLanguage: .english)
    }

    /// 40 clean units, then one unit (two for the conflict) per kind.
    static let planted: [(kind: QAKind?, unit: TranslationUnit)] = {
        var units: [(QAKind?, TranslationUnit)] = (1...40).map { number in
            (nil, unit("Delegates from region \(number) discussed the fishing quota for the coming season.",
                       "Делегаты из региона \(number) обсудили квоту на вылов рыбы на предстоящий сезон."))
        }
        units += [
            (.empty, unit("The talks ended without a statement.", "   ")),
            (.identical, unit("Gazprom Neft", "Gazprom Neft")),
            (.numbers, unit("The treaty of 1956 was signed by 12 delegates.", "Договор 1965 года подписали 12 делегатов.")),
            (.codes, unit("Press Save to keep the translation.", "Нажмите «Сохранить», чтобы сохранить перевод.",
                          markup: "Press <bpt i=\"1\">&lt;b&gt;</bpt>Save<ept i=\"1\">&lt;/b&gt;</ept> to keep the translation.")),
            (.length, unit("The minister arrived in Tokyo on Monday.",
                           "Министр прибыл в Токио в понедельник, где его встретили представители правительства, журналисты и многочисленные сторонники, собравшиеся у здания аэропорта задолго до посадки самолёта.")),
            (.conflict, unit("The summit will continue tomorrow.", "Саммит продолжится завтра.")),
            (nil, unit("The summit will continue tomorrow.", "Встреча  продолжится завтра.")),
            (.script, unit("The minister made a statement.", "Ministr sdelal zayavlenie.")),
            (.glossary, unit("Abe met Putin in Vladivostok.", "Абе встретился с Путиным во Владивостоке.")),
            // Clean, although the spellings differ: numbers by value, white space in a repeated source.
            (nil, unit("About 12,000 people and 1.5 percent of voters came.", "Пришли около 12 000 человек и 1,5 процента избирателей.")),
            (nil, unit("Talks resumed in Moscow on Friday.", "Переговоры возобновились в Москве в пятницу.")),
            (nil, unit("Talks  resumed in Moscow on Friday. ", "Переговоры возобновились в Москве  в пятницу.")),
        ]
        return units
    }()

    func plantedTM() throws -> TranslationMemory {
        let memory = try TranslationMemory(path: Scratch.tmPath())
        _ = try memory.add(Self.planted.map(\.unit))
        let file = Scratch.file("names.tsv", "id\ttype\ten\tru\tstatus\nputin\tperson\tPutin\tПутин\tpreferred\nabe\tperson\tAbe\tАбэ\tpreferred\n")
        _ = try GlossaryStore.save(try GlossaryFile.read(path: file), into: memory)
        return memory
    }

    @Test func everyPlantedProblemIsFoundAndNothingElse() throws {
        let memory = try plantedTM()
        let report = try QASweep(glossary: try GlossaryStore.load(from: memory)).run(over: memory)
        #expect(report.unitsChecked == Self.planted.count)
        let found = report.findings.map { "\($0.kind.rawValue): \($0.source)" }
        let expected = Self.planted.compactMap { entry in entry.kind.map { "\($0.rawValue): \(entry.unit.variants[0].segment.text)" } }
        #expect(found == expected)
        #expect(report.counts.values.allSatisfy { $0 == 1 })
        let byKind = Dictionary(uniqueKeysWithValues: report.findings.map { ($0.kind, $0) })
        #expect(byKind[.numbers]?.detail == "en has 1956, ru has 1965")
        #expect(byKind[.codes]?.detail == "en has 2 (bpt ept), ru has no codes")
        #expect(byKind[.conflict]?.relatedUnits.count == 1)
        #expect(byKind[.conflict]?.detail.contains("«Встреча продолжится завтра.»") == true)
        #expect(byKind[.glossary]?.detail.contains("Абэ") == true)
        #expect(byKind[.script]?.detail.contains("Latin letters only") == true)
        #expect(byKind[.length]?.detail.hasPrefix("length ratio") == true)
    }

    @Test func onlyTheChosenKindsAreLookedFor() throws {
        let memory = try plantedTM()
        let report = try QASweep(kinds: [.numbers, .script]).run(over: memory)
        #expect(report.findings.map(\.kind) == [.numbers, .script])
    }

    @Test func numeralCharactersAreNotComparedWithDigits() throws {
        let memory = try TranslationMemory(path: Scratch.tmPath())
        _ = try memory.add([TranslationUnit(variants: [Variant(language: .english, text: "Three people and 500 million yen."),
                                                       Variant(language: .japanese, text: "三人と5億円。")], sourceLanguage: .english),
                            TranslationUnit(variants: [Variant(language: .english, text: "5 million yen."),
                                                       Variant(language: .japanese, text: "500万円。")], sourceLanguage: .english)])
        #expect(try QASweep(kinds: [.numbers]).run(over: memory).findings.isEmpty)
    }

    @Test func numbersSpelledOutByMonthOrShorthandAgreeWithDigits() throws {
        let memory = try TranslationMemory(path: Scratch.tmPath())
        let ja = { (en: String, ja: String) in
            TranslationUnit(variants: [Variant(language: .english, text: en), Variant(language: .japanese, text: ja)], sourceLanguage: .english)
        }
        _ = try memory.add([
            Self.unit("The outbreak began six days ago.", "Вспышка началась 6 дней назад."),
            Self.unit("Thirty-one people were taken to hospital.", "В больницу доставлен 31 человек."),
            Self.unit("Police arrived at 11:30 p.m. on Friday.", "Полиция прибыла в пятницу в 23:30."),
            Self.unit("A £10m fund was set up for events.", "Для мероприятий создан фонд в 10 млн фунтов."),
            ja("Talks began on May 25 in Tokyo.", "協議は5月25日に東京で始まった。"),
            // A real error: five million is not five thousand.
            Self.unit("The repairs cost $5m last year.", "Ремонт в прошлом году обошелся в 5 тысяч долларов."),
        ])
        let findings = try QASweep(kinds: [.numbers]).run(over: memory).findings
        #expect(findings.map(\.source) == ["The repairs cost $5m last year."], "\(findings.map(\.detail))")
        #expect(findings.first?.detail == "en has 5000000, ru has 5000")
    }
}
