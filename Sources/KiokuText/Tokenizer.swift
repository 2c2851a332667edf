internal import CICU

/// Splits text into scoring units: ICU word breaks for alphabetic languages
/// (English, Russian, …), single characters for Japanese and Chinese.
///
/// White space never yields a token. A tokenizer holds an ICU break iterator, so it
/// is cheap to reuse and must not be shared between threads.
public final class Tokenizer {
    public let language: LanguageTag
    private let iterator: OpaquePointer?

    public init(language: LanguageTag) throws {
        self.language = language
        if language.scoringUnit == .character {
            iterator = nil
        } else {
            var status = kicu_status(KICU_OK)
            let handle = kicu_breakOpen(KICU_WORD_BREAKS, language.identifier, &status)
            guard !status.isFailure, let handle else { throw ICUError("opening a word break iterator", status) }
            iterator = handle
        }
    }

    deinit {
        if let iterator { kicu_breakClose(iterator) }
    }

    /// The tokens of `text`, in order.
    public func tokens(_ text: String) -> [Token] {
        guard let iterator else { return characterTokens(text) }
        let units = Array(text.utf16)
        var tokens: [Token] = []
        units.withUnsafeBufferPointer { buffer in
            forEachBreakSegment(iterator, in: buffer) { range, rule in
                let slice = buffer[range]
                let kind: Token.Kind
                switch rule {
                case 100..<200: kind = .number
                case 200..<300: kind = .word
                case 300..<400: kind = .kana
                case 400..<500: kind = .ideograph
                default:
                    if slice.allSatisfy(Self.isSpaceUnit) { return }
                    kind = .punctuation
                }
                tokens.append(Token(text: String(decoding: slice, as: UTF16.self), kind: kind, range: range))
            }
        }
        return tokens
    }

    private func characterTokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf16.count)
        var offset = 0
        for character in text {
            let width = character.utf16.count
            defer { offset += width }
            if character.isWhitespace { continue }
            tokens.append(Token(text: String(character), kind: Self.kind(of: character), range: offset..<offset + width))
        }
        return tokens
    }

    static func kind(of character: Character) -> Token.Kind {
        guard let scalar = character.unicodeScalars.first else { return .punctuation }
        if character.isNumber { return .number }
        if character.isPunctuation || character.isSymbol { return .punctuation }
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return .kana
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF: return .ideograph
        default: return .word
        }
    }

    private static func isSpaceUnit(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }
}
