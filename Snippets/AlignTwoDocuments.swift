// KiokuAlign: a document and its translation, split into sentences and paired.
import KiokuAlign
import KiokuText

let english = AlignDocument(name: "summit.en.txt", language: .english, text: """
    Japan’s PM calls for ‘new era’ in relations with Moscow
    PM Abe met President Putin in Vladivostok on Saturday. They agreed to meet again on December 15. Tokyo and Moscow have not signed a peace treaty.
    """)
let russian = AlignDocument(name: "summit.ru.txt", language: .russian, text: """
    Премьер Японии призвал к «новой эре» в отношениях с Москвой
    Премьер Абэ встретился с президентом Путиным во Владивостоке в субботу. Они договорились вновь встретиться 15 декабря.
    """)
let alignment = try Aligner().align(english, russian)
for bead in alignment.beads {
    print(bead.shape, alignment.sourceText(of: bead), "|", alignment.targetText(of: bead))
}
// 1-1 Japan’s PM calls for ‘new era’ in relations with Moscow | Премьер Японии призвал к «новой эре» в отношениях с Москвой
// …
// 1-0 Tokyo and Moscow have not signed a peace treaty. |      (no counterpart: never made a unit)
print(alignment.units(minimumScore: 0.5).count, "units")   // 3 units
