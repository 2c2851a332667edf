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
/// - a **placeholder** of software strings is one piece, a placeable like a number: printf
///   specifiers (`%s`, `%d`, `%(city)s`, `%1$s`, `%.2f`, Qt's `%1`), brace placeholders
///   (`{0}`, `{name}`, `{}`, `{0:.2f}`) and Weblate's stand-ins for markup (`[X10X]`); `%%` and
///   a `%` before a space or a word (`50% of`, `%office`) are not placeholders;
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
            case word, number, placeholder, character, punctuation
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

    /// The placeables of `text` — numbers and placeholders — as written, in order.
    public static func placeables(in text: String, unit: ScoringUnit) -> [String] {
        let bytes = Array(text.utf8)
        return pieces(of: text, unit: unit).filter { $0.kind == .number || $0.kind == .placeholder }
            .map { String(decoding: bytes[$0.bytes], as: UTF8.self) }
    }

    /// The scanner over valid UTF-8 bytes (a Swift string's own storage).
    @inline(__always)
    public static func scan(utf8 bytes: UnsafeBufferPointer<UInt8>, unit: ScoringUnit, _ body: (Piece) -> Void) {
        var start = -1, startScalar = 0
        var inNumber = false
        @inline(__always) func flush(_ end: Int, _ endScalar: Int) {
            if start >= 0 { body(Piece(kind: inNumber ? .number : .word, bytes: start..<end, scalars: startScalar..<endScalar)) }
            start = -1
            inNumber = false
        }
        var index = 0, scalarIndex = 0
        var current = bytes.isEmpty ? (Unicode.Scalar(UInt8(0x20)), 0) : decode(bytes, at: 0)
        scanning: while index < bytes.count {
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
                } else if let length = placeholderLength(bytes, at: index) {
                    flush(index, scalarIndex)  // placeholders are ASCII: bytes and scalars count alike
                    body(Piece(kind: .placeholder, bytes: index..<index + length, scalars: scalarIndex..<scalarIndex + length))
                    index += length
                    scalarIndex += length
                    if index < bytes.count { current = decode(bytes, at: index) }
                    continue scanning
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

    /// The length in bytes of the placeholder starting at `index` (a `%`, `{` or `[`), or nil.
    /// Matched in any case: the matching form lowercases (`[x10x]`, `%x`).
    static func placeholderLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let length: Int?
        switch bytes[index] {
        case UInt8(ascii: "%"): length = printfLength(bytes, at: index)
        case UInt8(ascii: "{"): length = braceLength(bytes, at: index)
        case UInt8(ascii: "["): length = markupStandInLength(bytes, at: index)
        default: return nil
        }
        // A placeholder ends where a word could not go on: `%s.` yes, `%sabc` no.
        guard let length, index + length >= bytes.count || !isASCIIAlphanumeric(bytes[index + length]) else { return nil }
        return length
    }

    /// `%s`, `%d`, `%5.2f`, `%-10s`, `%(name)s`, `%1$s`, `%lld`, `%@`, and Qt's `%1`.
    private static func printfLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        var cursor = index + 1
        func peek() -> UInt8? { cursor < bytes.count ? bytes[cursor] : nil }
        func digits() -> Int {
            let from = cursor
            while let byte = peek(), byte >= 0x30, byte <= 0x39 { cursor += 1 }
            return cursor - from
        }
        if peek() == UInt8(ascii: "(") {  // %(name)s
            let open = cursor
            cursor += 1
            while let byte = peek(), isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "_"), cursor - open < 40 { cursor += 1 }
            guard peek() == UInt8(ascii: ")"), cursor > open + 1 else { return nil }
            cursor += 1
        } else {
            let afterPercent = cursor
            let position = digits()
            if position > 0, peek() == UInt8(ascii: "$") {
                cursor += 1  // %1$s
            } else if position > 0, position <= 2, peek().map({ !isASCIIAlphanumeric($0) && $0 != UInt8(ascii: ".") }) ?? true {
                return cursor - index  // Qt's %1
            } else {
                cursor = afterPercent
            }
        }
        while let byte = peek(), "-+#0'".utf8.contains(byte) { cursor += 1 }
        if peek() == UInt8(ascii: "*") { cursor += 1 } else { _ = digits() }
        if peek() == UInt8(ascii: ".") {
            cursor += 1
            if peek() == UInt8(ascii: "*") { cursor += 1 } else if digits() == 0 { return nil }
        }
        while let byte = peek(), "hlLqjzt".utf8.contains(byte) { cursor += 1 }
        guard let conversion = peek(), "diouxXeEfFgGaAcspn@".utf8.contains(conversion) else { return nil }
        return cursor + 1 - index
    }

    /// `{}`, `{0}`, `{name}`, `{user.name}`, `{0:.2f}`: a name, then optionally a format spec after `:`.
    private static func braceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        var cursor = index + 1
        var inFormatSpec = false
        while cursor < bytes.count, cursor - index <= 40 {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "}") { return cursor + 1 - index }
            if !inFormatSpec, byte == UInt8(ascii: ":") {
                inFormatSpec = true
            } else if inFormatSpec {
                guard byte > 0x20, byte < 0x7F, byte != UInt8(ascii: "{") else { return nil }
            } else {
                guard isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") else { return nil }
            }
            cursor += 1
        }
        return nil
    }

    /// Weblate's stand-in for markup it takes out before asking a suggestion source: `[X10X]`.
    private static func markupStandInLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        func isX(_ offset: Int) -> Bool { offset < bytes.count && (bytes[offset] | 0x20) == UInt8(ascii: "x") }
        guard isX(index + 1) else { return nil }
        var cursor = index + 2
        while cursor < bytes.count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 { cursor += 1 }
        guard cursor > index + 2, isX(cursor), cursor + 1 < bytes.count, bytes[cursor + 1] == UInt8(ascii: "]") else { return nil }
        return cursor + 2 - index
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
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
        guard value >= 0x80 else {  // ASCII, most of what is scanned: a few compares, no call
            let byte = UInt8(truncatingIfNeeded: value)
            if byte &- 0x30 < 10 { return .digit }
            if (byte | 0x20) &- 0x61 < 26 { return .letter }
            if byte == 0x20 || byte &- 0x09 < 2 || byte == 0x0D { return .space }
            return .other
        }
        if value &- 0x0400 < 0x100 { return .letter }  // Cyrillic, the other script scanned most
        return classifyBeyondASCII(scalar)
    }

    private static func classifyBeyondASCII(_ scalar: Unicode.Scalar) -> ScalarKind {
        let value = scalar.value
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
