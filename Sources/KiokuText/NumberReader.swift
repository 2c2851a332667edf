/// Reads the numbers of a sentence as values, so that a number and its translation get the
/// same key whatever the local spelling: 1,000 = 1 000 = 1000; 3.5 = 3,5; 5 million = 5 млн =
/// 500万. Dates and times (03.09.2016, 17:23) give each part. Months written as words give
/// their number (September = сентября = 9, as Japanese writes 9月).
public struct NumberReader: Sendable {
    public let language: LanguageTag

    public init(language: LanguageTag) { self.language = language }

    /// A number read from a text, by value.
    public struct Number: Equatable, Sendable {
        public var value: Double
        public init(value: Double) { self.value = value }
        /// The value as a short string: what two spellings of one number share.
        public var key: String { value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value) }
        public var isSmall: Bool { value < 10 && value == value.rounded() }
    }

    /// The numbers of a text, in order.
    public func numbers(in scalars: [Unicode.Scalar]) -> [Number] {
        var numbers: [Number] = []
        var index = 0
        while index < scalars.count {
            guard let first = digit(scalars[index]) else { index += 1; continue }
            var groups: [[Int]] = [[first]]
            var separators: [Unicode.Scalar] = []
            var end = index + 1
            while end < scalars.count {
                if let value = digit(scalars[end]) { groups[groups.count - 1].append(value); end += 1; continue }
                let separator = scalars[end]
                guard ",.:".unicodeScalars.contains(separator) || Self.isSpaceSeparator(separator),
                      end + 1 < scalars.count, digit(scalars[end + 1]) != nil else { break }
                if Self.isSpaceSeparator(separator) {
                    // A space groups thousands only before exactly three digits.
                    let run = scalars[(end + 1)...].prefix(while: { digit($0) != nil }).count
                    guard run == 3, groups[groups.count - 1].count <= 3 else { break }
                }
                separators.append(separator)
                groups.append([])
                end += 1
            }
            var found = interpret(groups, separators).map { scaled($0, after: scalars, from: end) }
            // Japanese writes 27,000 as 2万7,000 and 1.2 billion as 12億: a wide scale followed by
            // more digits continues the same number.
            while let last = found.last, let scale = scalars[safe: end].flatMap({ Self.wideScales[$0] }), scale >= 1e4,
                  let next = scalars[safe: end + 1], digit(next) != nil {
                var rest = self.numbers(in: Array(scalars[(end + 1)...].prefix(while: { digit($0) != nil || $0 == "," || Self.wideScales[$0] != nil })))
                if rest.isEmpty { break }
                let tail = rest.removeFirst()
                found[found.count - 1] = Number(value: last.value + tail.value)
                end += 1
                while end < scalars.count, digit(scalars[end]) != nil || scalars[end] == "," { end += 1 }
                if tail.value >= 1e4 { end += 1 }  // the tail's own scale
            }
            numbers += found
            index = end
        }
        return numbers
    }

    private func interpret(_ groups: [[Int]], _ separators: [Unicode.Scalar]) -> [Number] {
        func integer(_ digits: [Int]) -> Double { digits.reduce(0) { $0 * 10 + Double($1) } }
        let dots = separators.filter { $0 == "." }.count
        if separators.contains(":") || dots >= 2 && !separators.contains(",") || separators.contains(where: { $0 != "." && $0 != "," && !Self.isSpaceSeparator($0) }) {
            return groups.map { Number(value: integer($0)) }  // 17:23, 03.09.2016
        }
        var value = integer(groups[0])
        for (separator, group) in zip(separators, groups.dropFirst()) {
            let isThousands = group.count == 3 && (Self.isSpaceSeparator(separator) || separator == "," && language.language != "ru")
            if isThousands {
                value = value * 1000 + integer(group)
            } else {
                value += integer(group) / pow10(group.count)
            }
        }
        return [Number(value: value)]
    }

    private func pow10(_ exponent: Int) -> Double { (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    /// The number times the scale word after it (million, млн, 万…).
    private func scaled(_ number: Number, after scalars: [Unicode.Scalar], from end: Int) -> Number {
        var index = end
        if let first = scalars[safe: index], let factor = Self.wideScales[first] { return Number(value: number.value * factor) }
        while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        var word = ""
        while index < scalars.count, scalars[index].properties.isAlphabetic, word.unicodeScalars.count < 12 {
            word.unicodeScalars.append(scalars[index]); index += 1
        }
        let lowered = word.lowercased()
        for (stem, factor) in Self.scaleStems where lowered.hasPrefix(stem) {
            return Number(value: number.value * factor)
        }
        return number
    }

    private func digit(_ scalar: Unicode.Scalar) -> Int? {
        guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue else { return nil }
        return Int(value)
    }

    static func isSpaceSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{00A0}" || scalar == "\u{2009}" || scalar == "\u{202F}"
    }

    static let wideScales: [Unicode.Scalar: Double] = ["万": 1e4, "億": 1e8, "兆": 1e12, "千": 1e3]
    static let scaleStems: [(String, Double)] = [
        ("million", 1e6), ("billion", 1e9), ("trillion", 1e12), ("thousand", 1e3), ("bn", 1e9), ("lakh", 1e5), ("crore", 1e7),
        ("млн", 1e6), ("миллион", 1e6), ("млрд", 1e9), ("миллиард", 1e9), ("трлн", 1e12), ("триллион", 1e12),
        ("тыс", 1e3),
    ]

    /// A cheap first test: month names begin with one of these letters and are 3 to 10 letters long.
    public static func mayNameMonth(_ word: Substring) -> Bool {
        guard let first = word.unicodeScalars.first, (3...10).contains(word.unicodeScalars.count) else { return false }
        return "JFMASONDjfmasondЯФМАИСОНДяфмаисонд".unicodeScalars.contains(first)
    }

    /// The month a word names (English only when capitalized; "May" is left out as a verb).
    public static func month(_ word: Substring, language: LanguageTag) -> Int? {
        switch language.language {
        case "en":
            guard word.first?.isUppercase == true, word.count >= 3 else { return nil }
            let lowered = word.lowercased()
            let months = ["jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
            let full = ["january", "february", "march", "april", "", "june", "july", "august", "september", "october", "november", "december"]
            if let index = full.firstIndex(of: lowered), !full[index].isEmpty { return index + 1 }
            if lowered.count <= 4, let index = months.firstIndex(where: { !$0.isEmpty && (lowered == $0 || lowered == $0 + "t") }) { return index + 1 }
            return nil
        case "ru":
            let lowered = word.lowercased()
            if ["май", "мая", "мае"].contains(lowered) { return 5 }
            let stems = ["январ", "феврал", "март", "апрел", "", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"]
            guard let index = stems.firstIndex(where: { !$0.isEmpty && lowered.hasPrefix($0) && lowered.count <= $0.count + 2 }) else { return nil }
            return index + 1
        default:
            return nil
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
