/// Name keys that survive transliteration between Latin and Cyrillic: "Putin" and "Путина"
/// both give `pptn`, "Moscow" and "Москве" both `mmsk`. Made from the first letter and the
/// first three consonants after folding the spellings English and Russian disagree on
/// (дж/j, kh/h, w/v, c/k, initial y/j…), so inflected endings and vowel choices do not matter.
enum Transliteration {
    /// The key of one word, or nil when it has too few consonants to mean anything.
    static func nameKey(_ word: Substring) -> String? {
        var latin: [UInt8] = []
        latin.reserveCapacity(word.utf8.count)
        for scalar in word.unicodeScalars {
            let lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
            if let mapped = cyrillic[lower] ?? katakana[lower] { latin += mapped.utf8 }
            else if lower == "ー" || lower == "ッ" || lower == "・" { continue }
            else if lower.isASCII, lower.properties.isAlphabetic { latin.append(UInt8(lower.value)) }
            else if lower.properties.isAlphabetic { return nil }  // neither Latin, Cyrillic nor katakana
        }
        for (from, to) in foldBytes { replace(&latin, from, to) }
        // An initial y is j in English spellings of Slavic and Japanese names (Япония/Japan, Юрий/Jury).
        if latin.first == UInt8(ascii: "y") { latin[0] = UInt8(ascii: "j") }
        guard let first = latin.first else { return nil }
        var skeleton: [UInt8] = []
        for byte in latin where !Self.vowels.contains(byte) && skeleton.last != byte {
            skeleton.append(byte)
            if skeleton.count == 3 { break }
        }
        guard skeleton.count >= 2 else { return nil }
        return String(decoding: [first] + skeleton, as: UTF8.self)
    }

    private static let vowels: Set<UInt8> = Set("aeiouyh'".utf8)
    private static let foldBytes: [([UInt8], [UInt8])] = folds.map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// Every `from` in `bytes` replaced by `to`, left to right.
    private static func replace(_ bytes: inout [UInt8], _ from: [UInt8], _ to: [UInt8]) {
        guard bytes.count >= from.count, bytes.contains(from[0]) else { return }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == from[0], index + from.count <= bytes.count, bytes[index..<(index + from.count)].elementsEqual(from) {
                result += to
                index += from.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        bytes = result
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
