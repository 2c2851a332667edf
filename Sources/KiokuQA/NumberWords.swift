import Foundation
import KiokuText

/// Numbers a text spells out in words (English and Russian, up to the nineties, hyphenated
/// compounds too: "thirty-one", "тридцать один"; English ordinals to twelfth, "twice"; months by name), money shorthand ("£10m") and
/// times written with "p.m.", so that the numbers check agrees "six hours" with "6 часов",
/// "May 25" with "5月25日" and "11:30 p.m." with "23:30".
enum NumberWords {
    static let english: [String: Int] = {
        let ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        let tens = ["twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90]
        let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                        "eleventh", "twelfth"]
        var words = Dictionary(uniqueKeysWithValues: ones.enumerated().map { ($1, $0) })
        words.merge(tens) { $1 }
        words.merge(ordinals.enumerated().map { ($1, $0 + 1) }) { $1 }
        words["twice"] = 2
        words["dozen"] = 12
        return words
    }()

    /// Russian stems (a word starting with one, in any case, is that number) — longest first,
    /// so that "шестнадцать" is not read as "шест…".
    static let russian: [(stem: String, value: Int)] = [
        ("девятнадцат", 19), ("восемнадцат", 18), ("семнадцат", 17), ("шестнадцат", 16), ("пятнадцат", 15),
        ("четырнадцат", 14), ("тринадцат", 13), ("двенадцат", 12), ("одиннадцат", 11), ("девяност", 90),
        ("восемьдесят", 80), ("восьмидесят", 80), ("семьдесят", 70), ("семидесят", 70), ("шестьдесят", 60),
        ("шестидесят", 60), ("пятьдесят", 50), ("пятидесят", 50), ("сорок", 40), ("тридцат", 30), ("двадцат", 20),
        ("десят", 10), ("девят", 9), ("восьм", 8), ("восем", 8), ("сем", 7), ("шест", 6), ("пят", 5), ("четыр", 4),
        ("тр", 3), ("дв", 2), ("одн", 1), ("один", 1),
    ]

    /// Exact Russian forms for the short stems, which would otherwise catch other words
    /// ("три" but not "тридцать", "два"/"двух" but not "дверь").
    static let russianShort: [String: Int] = [
        "три": 3, "трех": 3, "трёх": 3, "трем": 3, "трём": 3, "тремя": 3, "два": 2, "две": 2, "двух": 2, "двум": 2, "двумя": 2,
        "один": 1, "одна": 1, "одно": 1, "одного": 1, "одной": 1, "одному": 1, "одним": 1, "одну": 1,
        "семь": 7, "семи": 7, "семью": 7, "сорок": 40, "сорока": 40,
    ]

    /// The values the words of `text` spell, with compounds summed ("thirty-one" = 31).
    static func values(in text: String, language: LanguageTag) -> [Double] {
        var values: [Double] = []
        var pendingTens: Int?
        func flush() { if let tens = pendingTens { values.append(Double(tens)) }; pendingTens = nil }
        for (position, word) in text.split(whereSeparator: { !$0.isLetter }).enumerated() {
            // A month by name is its number, as Japanese and dates in digits write it ("May 25" = 5月25日).
            // "May" only inside a sentence, where the capital says it is not the verb.
            let month = word == "May" && position > 0 && language.language == "en" ? 5
                : NumberReader.mayNameMonth(word) ? NumberReader.month(word, language: language) : nil
            if let month {
                flush()
                values.append(Double(month))
                continue
            }
            guard let value = value(of: word.lowercased(), language: language) else { flush(); continue }
            if let tens = pendingTens, value < 10 { values.append(Double(tens + value)); pendingTens = nil; continue }
            flush()
            if value >= 20 && value % 10 == 0 { pendingTens = value } else { values.append(Double(value)) }
        }
        flush()
        return values
    }

    static func value(of word: String, language: LanguageTag) -> Int? {
        switch language.language {
        case "en":
            return english[word]
        case "ru":
            if let exact = russianShort[word] { return exact }
            // Stems of four letters or more, and the word no longer than the stem plus a case ending.
            guard let match = russian.first(where: { $0.stem.count >= 4 && word.hasPrefix($0.stem) && word.count <= $0.stem.count + 4 }) else { return nil }
            return match.value
        default:
            return nil
        }
    }

    /// `values` with English money shorthand applied: "£10m" is 10,000,000, "$3bn" 3,000,000,000,
    /// "5k" 5,000 (each number the shorthand follows, in order).
    static func abbreviatedScales(_ values: [Double], in text: String, language: LanguageTag) -> [Double] {
        guard language.language == "en" else { return values }
        var result = values
        let scales: [String: Double] = ["m": 1e6, "bn": 1e9, "k": 1e3]
        let scalars = Array(text.unicodeScalars)
        var number = -1
        var index = 0
        while index < scalars.count {
            guard scalars[index].properties.numericType == .decimal else { index += 1; continue }
            // One number as NumberReader reads it: digits with separators between them.
            var end = index
            while end < scalars.count, scalars[end].properties.numericType == .decimal
                    || (",.".unicodeScalars.contains(scalars[end]) && end + 1 < scalars.count && scalars[end + 1].properties.numericType == .decimal) { end += 1 }
            number += 1
            var suffix = ""
            var after = end
            while after < scalars.count, after - end < 3, scalars[after].properties.isLowercase { suffix.unicodeScalars.append(scalars[after]); after += 1 }
            let wordEnds = after == scalars.count || !scalars[after].properties.isAlphabetic
            // Applied only where NumberReader read the same number (a date's parts, say, would shift the count).
            let spelled = Double(String(String.UnicodeScalarView(scalars[index..<end])).replacingOccurrences(of: ",", with: ""))
            if wordEnds, let scale = scales[suffix], number < result.count, result[number] == spelled { result[number] *= scale }
            index = end
        }
        return result
    }

    /// Hours written with "p.m."/"pm" after them, as the 24-hour clock reads them: (11, 23).
    static func afternoonHours(in text: String) -> [(twelveHour: Double, twentyFourHour: Double)] {
        var hours: [(Double, Double)] = []
        let scalars = Array(text.lowercased().unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index].properties.numericType == .decimal else { index += 1; continue }
            var end = index
            var hour = 0
            while end < scalars.count, let digit = scalars[end].properties.numericValue, scalars[end].properties.numericType == .decimal {
                hour = hour * 10 + Int(digit); end += 1
            }
            var rest = end
            if rest < scalars.count, scalars[rest] == ":" { rest += 1; while rest < scalars.count, scalars[rest].properties.numericType == .decimal { rest += 1 } }
            while rest < scalars.count, scalars[rest] == " " { rest += 1 }
            let tail = String(String.UnicodeScalarView(scalars[rest..<min(rest + 4, scalars.count)]))
            if (1...11).contains(hour), tail.hasPrefix("p.m") || tail.hasPrefix("pm") { hours.append((Double(hour), Double(hour + 12))) }
            index = end
        }
        return hours
    }
}
