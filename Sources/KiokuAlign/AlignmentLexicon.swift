import KiokuText

/// A small bilingual lexicon learned from sentence pairs a user already has (a TM's units):
/// word pairs that occur together in pairs far more often than apart (Dice coefficient), so
/// that `Putin`–`Путин` or `treaty`–`条約` anchor sentences that lengths alone cannot place.
///
/// Words are Snowball stems for languages written with spaces; for Japanese and Chinese, pairs
/// of adjacent kanji or katakana (問題, 解決), since their words are not delimited.
public struct AlignmentLexicon: Sendable {
    public let sourceLanguage: LanguageTag
    public let targetLanguage: LanguageTag
    /// Lexicon entries (source item, target item), found in at least `minimumPairs` pairs.
    public private(set) var entries: [(source: String, target: String)] = []
    private var bySource: [String: [Int]] = [:]
    private var byTarget: [String: [Int]] = [:]

    /// At most this many pairs are read (the first ones given).
    public static let maximumPairs = 20_000
    static let minimumPairs = 2
    static let minimumDice = 0.4
    static let partnersPerItem = 3

    public init(pairs: [(source: String, target: String)], sourceLanguage: LanguageTag, targetLanguage: LanguageTag) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        let sourceItems = LexicalItems(language: sourceLanguage)
        let targetItems = LexicalItems(language: targetLanguage)
        let used = pairs.prefix(Self.maximumPairs)
        var sourceIDs: [String: Int32] = [:], targetIDs: [String: Int32] = [:]
        var sourceNames: [String] = [], targetNames: [String] = []
        func id(_ item: String, _ ids: inout [String: Int32], _ names: inout [String]) -> Int32 {
            if let known = ids[item] { return known }
            ids[item] = Int32(names.count)
            names.append(item)
            return Int32(names.count - 1)
        }
        var units: [([Int32], [Int32])] = []
        units.reserveCapacity(used.count)
        for pair in used {
            let s = Set(sourceItems.items(in: pair.source)).map { id($0, &sourceIDs, &sourceNames) }
            let t = Set(targetItems.items(in: pair.target)).map { id($0, &targetIDs, &targetNames) }
            units.append((s, t))
        }
        var sourceFrequency = [Int](repeating: 0, count: sourceNames.count)
        var targetFrequency = [Int](repeating: 0, count: targetNames.count)
        for (s, t) in units {
            for item in s { sourceFrequency[Int(item)] += 1 }
            for item in t { targetFrequency[Int(item)] += 1 }
        }
        // Words in more than a tenth of the pairs are function words: they anchor nothing.
        let ceiling = max(Self.minimumPairs + 1, units.count / 10)
        var together: [Int64: Int] = [:]
        for (s, t) in units {
            for a in s where sourceFrequency[Int(a)] >= Self.minimumPairs && sourceFrequency[Int(a)] <= ceiling {
                for b in t where targetFrequency[Int(b)] >= Self.minimumPairs && targetFrequency[Int(b)] <= ceiling {
                    together[Int64(a) << 32 | Int64(b), default: 0] += 1
                }
            }
        }
        var candidates: [(source: Int32, target: Int32, dice: Double)] = []
        for (key, count) in together where count >= Self.minimumPairs {
            let a = Int32(key >> 32), b = Int32(key & 0xFFFF_FFFF)
            let dice = 2 * Double(count) / Double(sourceFrequency[Int(a)] + targetFrequency[Int(b)])
            if dice >= Self.minimumDice { candidates.append((a, b, dice)) }
        }
        candidates.sort { $0.dice != $1.dice ? $0.dice > $1.dice : ($0.source, $0.target) < ($1.source, $1.target) }
        var sourceUses: [Int32: Int] = [:], targetUses: [Int32: Int] = [:]
        for candidate in candidates {
            guard sourceUses[candidate.source, default: 0] < Self.partnersPerItem,
                  targetUses[candidate.target, default: 0] < Self.partnersPerItem else { continue }
            sourceUses[candidate.source, default: 0] += 1
            targetUses[candidate.target, default: 0] += 1
            let source = sourceNames[Int(candidate.source)], target = targetNames[Int(candidate.target)]
            bySource[source, default: []].append(entries.count)
            byTarget[target, default: []].append(entries.count)
            entries.append((source, target))
        }
    }

    /// The entries a sentence in `language`, cut into `items`, takes part in (indices into ``entries``).
    func entryIndices(of items: [String], language: LanguageTag) -> [Int] {
        let isSource = language.primary == sourceLanguage.primary
        guard isSource || language.primary == targetLanguage.primary else { return [] }
        var found: [Int] = []
        for item in Set(items) { found += (isSource ? bySource[item] : byTarget[item]) ?? [] }
        return found
    }
}

/// How a language's text is cut into lexicon items.
struct LexicalItems {
    let language: LanguageTag
    private let stemmer: Stemmer
    private let isWide: Bool

    init(language: LanguageTag) {
        self.language = language
        stemmer = Stemmer(language: language)
        isWide = ["ja", "zh"].contains(language.language)
    }

    func items(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        if isWide {
            var items: [String] = []
            for index in scalars.indices.dropLast() where Self.isContent(scalars[index]) && Self.isContent(scalars[index + 1]) {
                var item = String.UnicodeScalarView()
                item.append(scalars[index])
                item.append(scalars[index + 1])
                items.append(String(item))
            }
            return items
        }
        return AnchorExtractor.words(in: scalars).filter { $0.count >= 3 }.map { stemmer.stem(String($0)) }
    }

    /// Kanji and katakana (hiragana are mostly grammar).
    private static func isContent(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30A1...0x30FA, 0x3400...0x9FFF, 0xF900...0xFAFF: true
        default: false
        }
    }
}
