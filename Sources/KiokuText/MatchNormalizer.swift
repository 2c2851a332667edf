internal import CICU

/// Produces the *matching form* of a text: the form fuzzy matching, deduplication
/// and glossary lookups compare. The display text is never changed.
///
/// The matching form is NFKC with Unicode case folding (so full-width digits and
/// Latin become ASCII, half-width katakana becomes full-width), then:
/// ё→е, every quote to `"` or `'`, every dash to `-`, every space (NBSP, U+3000,
/// tabs, line breaks) to one ASCII space, trimmed at both ends.
public struct MatchNormalizer: Sendable {
    public init() {}

    /// The matching form of `text`.
    public func normalize(_ text: String) -> String {
        var copy = text
        if let fast = copy.withUTF8(Self.normalizeSimple) { return fast }
        return Self.normalizeFully(text)
    }

    /// The matching form of a printable ASCII byte: letters lowered, a backquote read as an
    /// apostrophe (spacing is folded by the caller). The one rule for ASCII, shared with the word diff.
    @inlinable @inline(__always)
    public static func foldedASCII(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : (byte == 0x60 ? 0x27 : byte)
    }

    /// Calls `body` with the matching form of `text` as UTF-8 — for English and Russian straight
    /// from a buffer on the stack, no string made: indexing scans every variant's form once.
    public func withNormalizedUTF8<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var copy = text
        return copy.withUTF8 { bytes in
            if let result = Self.withSimpleForm(bytes, body) { return result }
            var form = Self.normalizeFully(text)
            return form.withUTF8(body)
        }
    }

    /// The matching form of valid UTF-8 `bytes` (a part of a Swift string's storage).
    public func normalize(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        Self.normalizeSimple(bytes) ?? Self.normalizeFully(String(decoding: bytes, as: UTF8.self))
    }

    /// Any text: ICU's NFKC with case folding, then the unifications.
    static func normalizeFully(_ text: String) -> String {
        let folded = nfkcCasefold(text)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            let mapped = unify(scalar)
            if mapped == " " {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(mapped)
        }
        return String(out)
    }

    /// Fast path for English and Russian, on bytes: ASCII, basic Cyrillic and the common quotes,
    /// dashes and spaces, where NFKC is the identity and case folding is simple lowercasing.
    /// Returns nil (use ICU) for anything else. The form is never longer than the text, so it
    /// is built in a buffer of the text's size on the stack.
    private static func normalizeSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        withSimpleForm(bytes) { String(decoding: $0, as: UTF8.self) }
    }

    /// `body` over the simple path's form, or nil when the text needs ICU.
    private static func withSimpleForm<Result>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { out -> Result? in
            var count = 0, index = 0
            var pendingSpace = false
            let end = bytes.count
            /// Writes a byte of the form, after the one space a run of spacing left (none at the start).
            @inline(__always) func write(_ byte: UInt8) {
                if pendingSpace {
                    out[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                out[count] = byte
                count += 1
            }
            while index < end {
                let lead = bytes[index]
                if lead < 0x80 {  // ASCII: spacing folded, letters lowered, a backquote read as an apostrophe
                    index += 1
                    if lead == 0x20 || lead &- 0x09 < 5 {
                        pendingSpace = count > 0
                    } else {
                        write(foldedASCII(lead))
                    }
                    continue
                }
                var value: UInt32
                if lead & 0xE0 == 0xC0, index + 1 < end {
                    value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    index += 2
                } else if lead & 0xF0 == 0xE0, index + 2 < end {
                    value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    index += 3
                } else {
                    return nil
                }
                switch value {
                case 0x0430...0x044F, 0x0452...0x045F: break
                case 0x0410...0x042F: value += 0x20
                case 0x0400...0x040F: value += 0x50
                case 0x0451: value = 0x0435
                case 0x00A0, 0x00AB, 0x00BB, 0x2000...0x200A, 0x2010...0x2015, 0x2018...0x201F, 0x202F, 0x2032, 0x2039, 0x203A, 0x205F, 0x2212, 0x3000:
                    // (not U+2033 ″: NFKC makes it two primes, ICU's path gives '')
                    break
                default:
                    return nil
                }
                if value == 0x0451 { value = 0x0435 }
                let mapped = unify(Unicode.Scalar(value)!).value  // ASCII or Cyrillic from here on
                if mapped == 0x20 {
                    pendingSpace = count > 0
                } else if mapped < 0x80 {
                    write(UInt8(mapped))
                } else {
                    write(UInt8(0xC0 | mapped >> 6))
                    write(UInt8(0x80 | mapped & 0x3F))
                }
            }
            return body(UnsafeBufferPointer(rebasing: out[0..<count]))
        }
    }

    static func unify(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x0451: return "е"  // ё (case folding already turned Ё into ё)
        case 0x0009...0x000D, 0x0020, 0x0085, 0x00A0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
             0x202F, 0x205F, 0x3000:
            return " "
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033, 0x301D, 0x301E, 0x301F, 0xFF02:
            return "\""
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2039, 0x203A, 0x2032, 0x0060, 0x00B4, 0xFF07:
            return "'"
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
            return "-"
        default:
            return scalar
        }
    }

    /// NFKC + case folding through ICU's `nfkc_cf` normalizer.
    static func nfkcCasefold(_ text: String) -> String {
        var status = kicu_status(KICU_OK)
        guard let normalizer = kicu_nfkcCasefold(&status), !status.isFailure else { return text.lowercased() }
        return apply(normalizer, to: text)
    }

    /// NFKC alone (no case folding), for case-sensitive comparisons.
    static func nfkc(_ text: String) -> String {
        var status = kicu_status(KICU_OK)
        guard let normalizer = kicu_nfkc(&status), !status.isFailure else { return text }
        return apply(normalizer, to: text)
    }

    private static func apply(_ normalizer: OpaquePointer, to text: String) -> String {
        let source = Array(text.utf16)
        var capacity = source.count + source.count / 2 + 16
        while true {
            var status = kicu_status(KICU_OK)
            var dest = [UInt16](repeating: 0, count: capacity)
            let length = source.withUnsafeBufferPointer { src in
                dest.withUnsafeMutableBufferPointer { dst in
                    kicu_normalize(normalizer, src.baseAddress, Int32(src.count), dst.baseAddress,
                                   Int32(dst.count), &status)
                }
            }
            if status == KICU_BUFFER_OVERFLOW {
                capacity = Int(length) + 1
                continue
            }
            if status.isFailure { return text }
            return String(decoding: dest[0..<Int(length)], as: UTF16.self)
        }
    }
}
