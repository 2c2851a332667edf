// KiokuText: how Kioku sees a sentence — its matching form, its words and numbers, its stems.
import KiokuText

let sentence = "Japan’s PM Shinzo Abe met Putin in Vladivostok on December 15."
let form = MatchForm(sentence, unit: LanguageTag.english.scoringUnit)
print(form.normalized)               // japan's pm shinzo abe met putin in vladivostok on december 15.
print(form.tokens)                   // ["japan's", "pm", …, "december", "#15"]: the number is a placeable

let stemmer = Stemmer(language: .russian)
for word in WordSpan.spans(in: "Путин прилетел во Владивосток, Путина встретил Абэ.", unit: .word) {
    print(word.text, "→", stemmer.stem(word.key))  // Путина → путин
}
