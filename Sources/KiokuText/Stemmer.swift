internal import CStemmer

/// A Snowball stemmer (libstemmer) for one language: `Путина` → `путин`,
/// `islands` → `island`. Input is lowercased first, as Snowball expects.
///
/// Languages without a Snowball algorithm get the lowercased word back. A stemmer
/// keeps internal state, so use one per thread.
public final class Stemmer {
    public let language: LanguageTag
    private let handle: OpaquePointer?

    public init(language: LanguageTag) {
        self.language = language
        if let algorithm = Self.algorithms[language.language] {
            handle = sb_stemmer_new(algorithm, "UTF_8")
        } else {
            handle = nil
        }
    }

    deinit {
        if let handle { sb_stemmer_delete(handle) }
    }

    /// True when a Snowball algorithm exists for this language.
    public var isAvailable: Bool { handle != nil }

    /// The stem of one word.
    public func stem(_ word: String) -> String {
        let lower = MatchNormalizer().normalize(word)
        guard let handle else { return lower }
        var bytes = Array(lower.utf8)
        let count = bytes.count
        return bytes.withUnsafeMutableBufferPointer { buffer -> String in
            guard let result = sb_stemmer_stem(handle, buffer.baseAddress, Int32(count)) else { return lower }
            let length = Int(sb_stemmer_length(handle))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }

    static let algorithms: [String: String] = [
        "en": "english", "ru": "russian", "de": "german", "fr": "french", "es": "spanish",
        "it": "italian", "pt": "portuguese", "nl": "dutch", "sv": "swedish", "no": "norwegian",
        "nb": "norwegian", "da": "danish", "fi": "finnish", "hu": "hungarian", "ro": "romanian",
        "tr": "turkish",
    ]
}
