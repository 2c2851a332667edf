#if canImport(Glibc)
import Glibc
#endif

/// A string used as a dictionary key by its UTF-8 bytes. Swift's own `String` hashing
/// normalizes to NFC first, which costs more than the lookup itself; texts that are
/// already in matching form (``MatchNormalizer``) can skip that.
public struct ByteKey: Hashable, Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    public func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public static func == (lhs: ByteKey, rhs: ByteKey) -> Bool {
        var left = lhs.text, right = rhs.text
        return left.withUTF8 { a in
            right.withUTF8 { b in a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
        }
    }
}
