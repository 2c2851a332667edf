/// The language-specific knowledge of ``SentenceSplitter``: abbreviations, the ones that may
/// also end a sentence, and the words that typically open one.
struct SentenceRules: Sendable {
    /// Lower-cased abbreviations without their final dot (inner dots kept: "т.е").
    let abbreviations: Set<String>
    /// Abbreviations that often stand at the end of a sentence ("etc.", "и т.д.", "в 2016 г.").
    let sentenceFinal: Set<String>
    /// Words that start a sentence far more often than they follow an acronym ("The", "He").
    let openers: Set<String>

    func isAbbreviation(_ word: String) -> Bool { abbreviations.contains(word.lowercased()) }
    func mayEndSentence(_ word: String) -> Bool { sentenceFinal.contains(word.lowercased()) }
    func isSentenceOpener(_ word: String) -> Bool { openers.contains(word.lowercased()) }

    static func rules(for language: LanguageTag) -> SentenceRules {
        switch language.language {
        case "ru": return russian
        case "en": return english
        default: return SentenceRules(abbreviations: english.abbreviations.union(russian.abbreviations),
                                      sentenceFinal: english.sentenceFinal.union(russian.sentenceFinal),
                                      openers: english.openers.union(russian.openers))
        }
    }

    static let english = SentenceRules(
        abbreviations: [
            "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj",
            "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det", "vs", "v", "etc", "no", "nos", "vol",
            "fig", "p", "pp", "ch", "art", "sec", "dept", "est", "approx", "inc", "ltd", "co", "corp", "bros",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "mt", "ft", "i.e", "e.g", "a.m", "p.m",
            "cf", "al", "ave", "blvd", "rd",
        ],
        sentenceFinal: ["etc", "inc", "ltd", "co", "corp", "bros", "jr", "sr", "a.m", "p.m", "al"],
        openers: [
            "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on", "at", "this",
            "that", "these", "those", "there", "his", "her", "their", "its", "our", "as", "for", "if", "when",
            "while", "after", "before", "however", "mr", "mrs", "ms", "some", "many", "both", "so", "yet", "one",
        ]
    )

    static let russian = SentenceRules(
        abbreviations: [
            "т.е", "т.к", "т.н", "т.д", "т.п", "т.ч", "др", "пр", "г", "гг", "им", "ул", "д", "кв", "пл", "просп",
            "пер", "обл", "р", "руб", "коп", "долл", "тыс", "млн", "млрд", "трлн", "см", "стр", "рис", "табл",
            "проф", "акад", "доц", "ген", "св", "гос", "англ", "рус", "нем", "франц", "яп", "ок", "мин", "сек",
            "ч", "т", "е", "н", "э", "н.э", "до н.э", "чел", "ср", "напр", "зам", "пос", "с", "ст", "гл", "вып",
            "янв", "февр", "мар", "апр", "авг", "сент", "окт", "нояб", "дек",
        ],
        sentenceFinal: ["т.д", "т.п", "др", "пр", "г", "гг", "руб", "коп", "долл", "тыс", "млн", "млрд", "трлн", "н.э", "чел"],
        openers: [
            "в", "на", "по", "но", "и", "а", "он", "она", "оно", "они", "мы", "я", "это", "этот", "эта", "эти",
            "как", "при", "после", "для", "если", "когда", "однако", "так", "там", "его", "ее", "её", "их",
        ]
    )

    /// `.`, `!`, `?`, `…` and the full-width `。`, `！`, `？`, `．`.
    static func isStop(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", "…", "。", "！", "？", "．", "｡": return true
        default: return false
        }
    }

    /// Stops that end a sentence without a following space (Japanese and Chinese).
    static func isWideStop(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "！", "？", "．", "｡": return true
        default: return false
        }
    }

    /// Closing quotes and brackets that stay with the sentence they close.
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", "”", "’", "»", "›", ")", "]", "}", "」", "』", "）", "】", "〉", "》", "〕", "］": return true
        default: return false
        }
    }

    /// Japanese particles that continue a sentence after a closing quotation bracket (」と, 」って, 」の…).
    static func continuesAfterQuotation(_ scalar: Unicode.Scalar) -> Bool {
        "とっのをにがはでもや、".unicodeScalars.contains(scalar)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.numericType == .decimal
    }

    /// One capital letter: "В" of "В. В. Путин", "J" of "J. K. Rowling".
    static func isInitial(_ word: String) -> Bool {
        let scalars = word.unicodeScalars
        return scalars.count == 1 && scalars.first!.properties.isUppercase
    }

    /// "U.S", "U.K", "D.C": single letters joined by dots.
    static func isDottedAcronym(_ word: String) -> Bool {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { $0.unicodeScalars.count == 1 && $0.unicodeScalars.first!.properties.isAlphabetic }
    }
}
