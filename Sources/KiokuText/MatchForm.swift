/// A text as fuzzy matching sees it: its matching-form words (or, for Japanese and
/// Chinese, characters) and numbers, in order, plus the punctuation it carries.
///
/// Numbers are placeables: they are tokens of their own, written `#` + digits
/// (`#15`, `#2016`), so two texts that differ only in numbers align token for token
/// and the numbers can be carried over into a target. ``classKeys`` gives every
/// number the same key (`#`), which is what the edit distance compares.
///
/// This tokenizer is a fast, deterministic approximation of ICU's word rules for the
/// scripts Kioku scores by word (letters and marks form words, an apostrophe or
/// period between letters stays inside, digits with inner `.`/`,` form one number);
/// ideographs and kana are one token each. Index and query use the same function,
/// so a match is always judged on equal terms.
public struct MatchForm: Hashable, Sendable {
    /// Words and numbers (`#` + digits) in order.
    public var tokens: [String]
    /// The punctuation and symbols, in order, as one string.
    public var punctuation: String
    /// The whole matching form (see ``MatchNormalizer``).
    public var normalized: String

    public init(_ text: String, unit: ScoringUnit) {
        var normalized = MatchNormalizer().normalize(text)
        self.normalized = normalized
        var tokens: [String] = []
        var punctuation: [UInt8] = []
        normalized.withUTF8 { bytes in
            var wordStart = -1
            var inNumber = false
            func flush(_ end: Int) {
                if wordStart >= 0 {
                    let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<end]), as: UTF8.self)
                    tokens.append(inNumber ? "#" + word : word)
                }
                wordStart = -1
                inNumber = false
            }
            var index = 0
            var current = bytes.isEmpty ? (Unicode.Scalar(UInt8(0x20)), 0) : Self.decode(bytes, at: 0)
            while index < bytes.count {
                let (scalar, width) = current
                let next = index + width < bytes.count ? Self.decode(bytes, at: index + width) : (Unicode.Scalar(UInt8(0x20)), 0)
                switch Self.classify(scalar) {
                case .digit:
                    if !inNumber { flush(index); wordStart = index; inNumber = true }
                case .letter where unit == .word:
                    if inNumber { flush(index) }
                    if wordStart < 0 { wordStart = index }
                case .mark:
                    if wordStart < 0 { punctuation.append(contentsOf: bytes[index..<index + width]) }
                case .letter, .ideograph:
                    flush(index)
                    tokens.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + width]), as: UTF8.self))
                case .space:
                    flush(index)
                case .other:
                    // inner apostrophe or period between letters, or separator inside a number
                    let following = Self.classify(next.0)
                    if inNumber, scalar == "." || scalar == ",", following == .digit {
                        break
                    } else if unit == .word, !inNumber, wordStart >= 0, scalar == "'" || scalar == ".", following == .letter {
                        break
                    } else {
                        flush(index)
                        punctuation.append(contentsOf: bytes[index..<index + width])
                    }
                }
                index += width
                current = next
            }
            flush(bytes.count)
        }
        self.tokens = tokens
        self.punctuation = String(decoding: punctuation, as: UTF8.self)
    }

    /// The scalar starting at `offset` of valid UTF-8, and its width in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        if lead < 0xE0 {
            return (Unicode.Scalar(UInt32(lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F))!, 2)
        }
        if lead < 0xF0 {
            let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 3)
        }
        let value = UInt32(lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12
            | UInt32(bytes[offset + 2] & 0x3F) << 6 | UInt32(bytes[offset + 3] & 0x3F)
        return (Unicode.Scalar(value) ?? "\u{FFFD}", 4)
    }

    /// The tokens with every number replaced by `#`: what the edit distance compares.
    public var classKeys: [String] { tokens.map { $0.hasPrefix("#") ? "#" : $0 } }

    /// The numbers, in order, without their `#`.
    public var numbers: [String] { tokens.filter { $0.hasPrefix("#") }.map { String($0.dropFirst()) } }

    enum ScalarKind: Equatable { case letter, digit, mark, ideograph, space, other }

    static func classify(_ scalar: Unicode.Scalar) -> ScalarKind {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39: return .digit
            case 0x61...0x7A, 0x41...0x5A: return .letter
            case 0x20, 0x09, 0x0A, 0x0D: return .space
            default: return .other
            }
        }
        if value >= 0x0400 && value <= 0x04FF { return .letter }  // Cyrillic
        switch value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF:
            return value == 0x30FB ? .other : .ideograph  // the katakana middle dot is punctuation
        default: break
        }
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        if properties.numericType == .decimal { return .digit }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return .letter
        default: return .other
        }
    }
}
