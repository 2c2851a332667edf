import Foundation

/// Name keys that survive transliteration between Latin and Cyrillic: "Putin" and "Путина"
/// both give `pptn`, "Moscow" and "Москве" both `mmsk`. Made from the first letter and the
/// first three consonants after folding the spellings English and Russian disagree on
/// (дж/j, kh/h, w/v, c/k, initial y/j…), so inflected endings and vowel choices do not matter.
enum Transliteration {
    /// The key of one word, or nil when it has too few consonants to mean anything.
    static func nameKey(_ word: Substring) -> String? {
        var latin = ""
        for scalar in word.lowercased().unicodeScalars {
            if let mapped = cyrillic[scalar] ?? katakana[scalar] { latin += mapped }
            else if scalar == "ー" || scalar == "ッ" || scalar == "・" { continue }
            else if scalar.isASCII, scalar.properties.isAlphabetic { latin.unicodeScalars.append(scalar) }
            else if scalar.properties.isAlphabetic { return nil }  // neither Latin nor Cyrillic
        }
        for (from, to) in folds { latin = latin.replacingOccurrences(of: from, with: to) }
        // An initial y is j in English spellings of Slavic and Japanese names (Япония/Japan, Юрий/Jury).
        if latin.hasPrefix("y") { latin = "j" + latin.dropFirst() }
        guard let first = latin.first else { return nil }
        var skeleton = ""
        for character in latin where !"aeiouyh'".contains(character) && skeleton.last != character {
            skeleton.append(character)
        }
        guard skeleton.count >= 2 else { return nil }
        return String(first) + skeleton.prefix(3)
    }

    /// The katakana runs of a Japanese text (loanwords and foreign names), split at `・`.
    static func katakanaWords(in scalars: [Unicode.Scalar]) -> [Substring] {
        var words: [Substring] = []
        var current = String.UnicodeScalarView()
        for scalar in scalars + [" "] {
            if (0x30A1...0x30FC).contains(scalar.value), scalar != "・" {
                current.append(scalar)
            } else {
                if current.count >= 2 { words.append(Substring(String(current))) }
                current = String.UnicodeScalarView()
            }
        }
        return words
    }

    private static let folds: [(String, String)] = [
        ("dzh", "j"), ("zh", "j"), ("dz", "z"), ("kh", "h"), ("shch", "s"), ("sch", "s"), ("sh", "s"), ("ch", "c"),
        ("ck", "k"), ("ph", "f"), ("w", "v"), ("x", "ks"), ("q", "k"), ("c", "k"),
        // Sounds Japanese (and often Russian) spells with one letter where English has two.
        ("l", "r"), ("m", "n"),
    ]

    /// Katakana by consonant (vowels do not survive into the key anyway).
    private static let katakana: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        let rows: [(String, String)] = [
            ("アイウエオァィゥェォヴ", "a"), ("カキクケコ", "k"), ("ガギグゲゴ", "g"), ("サスセソ", "s"), ("シ", "sh"), ("ザズゼゾ", "z"),
            ("ジ", "j"), ("タテトチツ", "t"), ("ダデド", "d"), ("ヂヅ", "z"), ("ナニヌネノ", "n"),
            ("ハヒヘホ", "h"), ("フ", "f"), ("バビブベボ", "b"), ("パピプペポ", "p"), ("マミムメモ", "m"), ("ヤユヨャュョ", "y"),
            ("ラリルレロ", "r"), ("ワヲ", "w"), ("ン", "n"),
        ]
        for (characters, consonant) in rows {
            for scalar in characters.unicodeScalars { table[scalar] = consonant == "a" ? "a" : consonant + "a" }
        }
        return table
    }()

    private static let cyrillic: [Unicode.Scalar: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
        "х": "kh", "ц": "c", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
        "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
    ]
}
