// KiokuTerms: glossary checks for names and places, Russian inflection included.
import KiokuTerms
import KiokuText

let glossary = Glossary(concepts: [
    Concept(id: "abe", type: .person, terms: [
        Term(language: .english, text: "Shinzo Abe"),
        Term(language: .russian, text: "Синдзо Абэ"),
        Term(language: .russian, text: "Шинзо Абе", status: .forbidden),
    ]),
    Concept(id: "vladivostok", type: .place, terms: [
        Term(language: .english, text: "Vladivostok"),
        Term(language: .russian, text: "Владивосток"),
    ]),
])
let checker = GlossaryChecker(glossary: glossary, source: .english, target: .russian)
let findings = checker.check(source: "Shinzo Abe arrived in Vladivostok.",
                             target: "Шинзо Абе прибыл во Владивосток.", location: "example")
for finding in findings { print(finding) }   // error forbidden Shinzo Abe: «Шинзо Абе» …; use «Синдзо Абэ»
print(checker.check(source: "Shinzo Abe arrived in Vladivostok.",
                    target: "Синдзо Абэ прибыл во Владивостоке.", location: "fixed").isEmpty)  // true: Владивостоке is a form of Владивосток
