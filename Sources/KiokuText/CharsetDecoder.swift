internal import CICU

/// Turns bytes in a named character encoding (ISO-8859-1, windows-1251, Shift_JIS,
/// UTF-16BE, …) into UTF-8, chunk by chunk, so a large file never sits in memory whole.
///
/// Invalid byte sequences are errors, never silent replacement characters.
public final class CharsetDecoder {
    /// The encoding name as ICU knows it.
    public let encoding: String
    private let converter: OpaquePointer
    private var pendingHighSurrogate: UInt16?

    /// Why bytes could not be decoded.
    public enum Failure: Error, CustomStringConvertible, Sendable {
        case unknownEncoding(String)
        case invalidBytes(encoding: String)

        public var description: String {
            switch self {
            case .unknownEncoding(let name): "unknown character encoding \"\(name)\""
            case .invalidBytes(let name): "bytes that are not valid \(name)"
            }
        }
    }

    public init(encoding: String) throws(Failure) {
        var status = kicu_status(KICU_OK)
        guard let handle = kicu_converterOpen(encoding, &status), !status.isFailure else {
            throw .unknownEncoding(encoding)
        }
        self.encoding = encoding
        converter = handle
    }

    deinit { kicu_converterClose(converter) }

    /// Decodes the next chunk; pass `flush: true` with the last one so a truncated
    /// character at the very end is reported.
    public func decode(_ bytes: UnsafeRawBufferPointer, flush: Bool) throws(Failure) -> [UInt8] {
        var utf16 = [UInt16](repeating: 0, count: bytes.count * 2 + 8)
        var status = kicu_status(KICU_OK)
        var produced = 0
        utf16.withUnsafeMutableBufferPointer { out in
            var target: UnsafeMutablePointer<UInt16>? = out.baseAddress!
            let limit = out.baseAddress! + out.count
            let base = bytes.baseAddress.map { $0.assumingMemoryBound(to: CChar.self) }
            var source: UnsafePointer<CChar>? = base.map { UnsafePointer($0) }
            let sourceLimit = base.map { UnsafePointer($0 + bytes.count) }
            kicu_toUnicode(converter, &target, limit, &source, sourceLimit, flush, &status)
            produced = target! - out.baseAddress!
        }
        if status.isFailure { throw .invalidBytes(encoding: encoding) }
        var units = ArraySlice(utf16[0..<produced])
        if let high = pendingHighSurrogate {
            units.insert(high, at: units.startIndex)
            pendingHighSurrogate = nil
        }
        if !flush, let last = units.last, UTF16.isLeadSurrogate(last) {
            pendingHighSurrogate = last
            units.removeLast()
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}
