/// The one place Kioku splits text into words: fuzzy matching (``MatchForm``), the spans
/// glossary checks and concordance find (``WordSpan``) and the diff a lookup shows all read
/// text through this scanner, so a match, its highlight and its diff always agree.
///
/// The rules, over Unicode scalars:
/// - letters and combining marks form **words**; an apostrophe (`'`, `’` and the other
///   scalars whose matching form is `'`) or a period between two letters stays inside
///   (`Japan's`, `U.S`);
/// - digits form **numbers**, a `.` or `,` between two digits stays inside (`3.5`, `10,000`);
///   a number ends at the first letter and a word at the first digit, so `8pm` is `8` + `pm`
///   and the number stays a placeable;
/// - ideographs and kana — and, for languages scored by character (``ScoringUnit/character``),
///   every letter — are **characters**, one piece each;
/// - white space separates pieces and is no piece;
/// - everything else (punctuation, symbols, a mark outside a word) is one **punctuation**
///   piece per scalar.
///
/// These rules differ from ICU's word breaks in one deliberate way: ICU keeps letters and
/// digits together (`8pm`, `16th`, `MI5`, `10m`). Measured on the WMT21 news references
/// (3,004 English and Russian sentences), that was the only kind of difference (72 sentences);
/// a separate number is what lets `December 15th` → `December 20th` score as a number change
/// and be adapted.
public enum TextScanner {
    /// One piece of a scanned text.
    public struct Piece: Sendable, Hashable {
        /// What a piece is.
        public enum Kind: Sendable, Hashable {
            case word, number, character, punctuation
        }

        public let kind: Kind
        /// Where the piece stands, as offsets into the text's UTF-8 bytes.
        public let bytes: Range<Int>
        /// Where the piece stands, in Unicode scalars.
        public let scalars: Range<Int>
    }

    /// Calls `body` with every piece of `text`, in order.
    public static func scan(_ text: String, unit: ScoringUnit, _ body: (Piece) -> Void) {
        var copy = text
        copy.withUTF8 { scan(utf8: $0, unit: unit, body) }
    }

    /// The pieces of `text`, in order.
    public static func pieces(of text: String, unit: ScoringUnit) -> [Piece] {
        var pieces: [Piece] = []
        scan(text, unit: unit) { pieces.append($0) }
        return pieces
    }

    /// The scanner over valid UTF-8 bytes (a Swift string's own storage).
    @inline(__always)
    static func scan(utf8 bytes: UnsafeBufferPointer<UInt8>, unit: ScoringUnit, _ body: (Piece) -> Void) {
        var start = -1, startScalar = 0
        var inNumber = false
        @inline(__always) func flush(_ end: Int, _ endScalar: Int) {
            if start >= 0 { body(Piece(kind: inNumber ? .number : .word, bytes: start..<end, scalars: startScalar..<endScalar)) }
            start = -1
            inNumber = false
        }
        var index = 0, scalarIndex = 0
        var current = bytes.isEmpty ? (Unicode.Scalar(UInt8(0x20)), 0) : decode(bytes, at: 0)
        while index < bytes.count {
            let (scalar, width) = current
            let next = index + width < bytes.count ? decode(bytes, at: index + width) : (Unicode.Scalar(UInt8(0x20)), 0)
            switch classify(scalar) {
            case .digit:
                if !inNumber { flush(index, scalarIndex); start = index; startScalar = scalarIndex; inNumber = true }
            case .letter where unit == .word:
                if inNumber { flush(index, scalarIndex) }
                if start < 0 { start = index; startScalar = scalarIndex }
            case .mark:
                if start < 0 {
                    body(Piece(kind: .punctuation, bytes: index..<index + width, scalars: scalarIndex..<scalarIndex + 1))
                }
            case .letter, .ideograph:
                flush(index, scalarIndex)
                body(Piece(kind: .character, bytes: index..<index + width, scalars: scalarIndex..<scalarIndex + 1))
            case .space:
                flush(index, scalarIndex)
            case .other:
                let following = classify(next.0)
                if inNumber, isNumberSeparator(scalar), following == .digit {
                    break  // 3.5, 10,000
                } else if unit == .word, !inNumber, start >= 0, isWordJoiner(scalar), following == .letter {
                    break  // Japan's, U.S
                } else {
                    flush(index, scalarIndex)
                    body(Piece(kind: .punctuation, bytes: index..<index + width, scalars: scalarIndex..<scalarIndex + 1))
                }
            }
            index += width
            scalarIndex += 1
            current = next
        }
        flush(bytes.count, scalarIndex)
    }

    /// A `.` or `,` (ASCII or full-width) between digits stays inside a number.
    @inline(__always)
    static func isNumberSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E, 0x2C, 0xFF0E, 0xFF0C: return true
        default: return false
        }
    }

    /// An apostrophe or a period between letters stays inside a word: every scalar whose
    /// matching form is `'` (see ``MatchNormalizer``), and `.` (ASCII or full-width).
    @inline(__always)
    static func isWordJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x27, 0x2E, 0xFF0E, 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x0060, 0xFF07: return true
        default: return false
        }
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

    enum ScalarKind: Equatable { case letter, digit, mark, ideograph, space, other }

    @inline(__always)
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
