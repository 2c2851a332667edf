/// The writing systems Kioku tells apart, to catch a text in the wrong language (the aligner's
/// documents, a TM's targets).
public enum Script: String, Sendable {
    case latin = "Latin", cyrillic = "Cyrillic", cjk = "Chinese or Japanese"

    /// The script a language is written in, when the aligner knows it.
    public static func expected(for language: LanguageTag) -> Script? {
        switch language.language {
        case "ru", "uk", "be", "bg", "sr", "mk", "kk": .cyrillic
        case "ja", "zh": .cjk
        case "en", "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "sv", "da", "no", "nb", "fi", "tr", "vi", "id": .latin
        default: nil
        }
    }

    public static func of(_ scalar: Unicode.Scalar) -> Script? {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: .latin
        case 0x400...0x52F: .cyrillic
        case 0x3040...0x30FF, 0x3400...0x9FFF, 0xF900...0xFAFF: .cjk
        default: nil
        }
    }

    /// The script most of the letters of `paragraphs` are in, with its share of the letters.
    public static func dominant(in paragraphs: [String]) -> (script: Script, share: Double)? {
        var counts: [Script: Int] = [:]
        for paragraph in paragraphs {
            for scalar in paragraph.unicodeScalars { if let script = of(scalar) { counts[script, default: 0] += 1 } }
        }
        let total = counts.values.reduce(0, +)
        guard total > 0, let top = counts.max(by: { $0.value < $1.value }) else { return nil }
        return (top.key, Double(top.value) / Double(total))
    }

    /// Characters a sentence of this script takes, relative to Latin text (for the length warning).
    public var relativeLength: Double {
        switch self {
        case .latin, .cyrillic: 1.0
        case .cjk: 0.4
        }
    }
}
