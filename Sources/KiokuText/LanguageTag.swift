/// A BCP 47 language tag such as `en`, `ru-RU` or `ja-JP`, compared case-insensitively.
///
/// Tags are stored in their canonical case (`en-US`, `zh-Hant-TW`); `pt_BR` is read as `pt-BR`.
/// A tag without a region *covers* every regional variant: `ru` matches `ru-RU`.
public struct LanguageTag: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The canonical spelling, e.g. `en-US`.
    public let identifier: String

    /// Parses a tag; returns nil when the text is not shaped like a BCP 47 tag.
    public init?(_ text: String) {
        if Self.isCanonicalShortTag(text) {  // `en`, `ru-RU`: what a TM stores, read for every variant
            identifier = text
            return
        }
        let trimmed = text.trimmingASCIIWhitespace().replacingUnderscores()
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return nil }
        var canonical: [String] = [first.lowercased()]
        for (index, part) in parts.dropFirst().enumerated() {
            guard (1...8).contains(part.count), part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
            else { return nil }
            // A one-character subtag is a singleton (x-…, u-…): a letter, and never the last subtag.
            if part.count == 1, !(part.first!.isLetter && index + 2 < parts.count) { return nil }
            if index == 0 || !canonical.contains(where: { $0.count == 1 }) {
                if part.count == 2, part.allSatisfy(\.isLetter) {
                    canonical.append(part.uppercased())  // region
                    continue
                }
                if part.count == 4, part.allSatisfy(\.isLetter) {
                    canonical.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())  // script
                    continue
                }
            }
            canonical.append(part.lowercased())
        }
        identifier = canonical.joined(separator: "-")
    }

    /// The primary language subtag, lowercase: `ru` for `ru-RU`.
    public var language: String {
        String(identifier.prefix { $0 != "-" })
    }

    /// The bare language as a tag: `ru` for `ru-RU`.
    public var primary: LanguageTag { LanguageTag(uncheckedIdentifier: language) }

    /// True when `self` names the same language as `other`, or `self` is a bare
    /// language and `other` a regional variant of it (`ru` covers `ru-RU`, not the reverse).
    public func covers(_ other: LanguageTag) -> Bool {
        if self == other { return true }
        return !identifier.contains("-") && language == other.language
    }

    /// How text in this language is split into scoring units.
    public var scoringUnit: ScoringUnit {
        switch language {
        case "ja", "zh", "th", "lo", "km", "my": return .character
        default: return .word
        }
    }

    public var description: String { identifier }

    public static func < (lhs: LanguageTag, rhs: LanguageTag) -> Bool { lhs.identifier < rhs.identifier }

    init(uncheckedIdentifier: String) { identifier = uncheckedIdentifier }

    /// Whether `text` is already a canonical `ll`, `lll`, `ll-RR` or `lll-RR` tag, checked on bytes.
    private static func isCanonicalShortTag(_ text: String) -> Bool {
        let utf8 = text.utf8
        let count = utf8.count
        guard count >= 2, count <= 6 else { return false }
        var language = 0, region = 0, dash = false
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z") where !dash: language += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where dash: region += 1
            case UInt8(ascii: "-") where !dash: dash = true
            default: return false
            }
        }
        return (2...3).contains(language) && (dash ? region == 2 : region == 0)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let tag = LanguageTag(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a language tag: \(text)"))
        }
        self = tag
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(identifier)
    }
}

extension LanguageTag {
    public static let english = LanguageTag(uncheckedIdentifier: "en")
    public static let russian = LanguageTag(uncheckedIdentifier: "ru")
    public static let japanese = LanguageTag(uncheckedIdentifier: "ja")
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
