import KiokuFormats

/// A stable 64-bit FNV-1a hash of a unit's languages and segment contents, used to
/// find identical units. Variant order does not matter; metadata does not count.
///
/// Stores keep it (and, for units in three or more languages, the hash of each pair of
/// their variants) so that an import finds a unit already stored whole or inside a richer one.
public enum ContentHash {
    public static func of(_ unit: TranslationUnit) -> Int64 {
        of(variants: unit.variants)
    }

    /// The hash a unit made of just these two variants would have.
    public static func pair(_ a: Variant, _ b: Variant) -> Int64 {
        of(variants: [a, b])
    }

    /// The hashes of every pair of a unit's variants (what a richer unit is found by).
    public static func pairs(of unit: TranslationUnit) -> [Int64] {
        let keys = unit.variants.map(key)  // each variant's key made once, not once a pair
        var hashes: [Int64] = []
        for first in keys.indices {
            for second in keys.indices where second > first { hashes.append(of(keys: [keys[first], keys[second]])) }
        }
        return hashes
    }

    static func of(variants: [Variant]) -> Int64 {
        if variants.count == 2, let hash = ofTwo(variants[0], variants[1]) { return hash }
        return of(keys: variants.map(key))
    }

    /// The hash of two variants in different languages — almost every unit — from their bytes,
    /// without making their keys: a lookup checks the hash of each unit it reads, an import
    /// hashes every unit. Nil when the languages are the same or not plain ASCII tags: their
    /// keys' order is then String's, which the bytes alone do not give.
    private static func ofTwo(_ a: Variant, _ b: Variant) -> Int64? {
        var first = a.language.identifier, second = b.language.identifier
        guard let order = first.withUTF8({ x in second.withUTF8 { y in tagOrder(x, y) } }) else { return nil }
        let (low, high) = order ? (a, b) : (b, a)
        var hash = offsetBasis
        keyHash(low, into: &hash)
        keyHash(high, into: &hash)
        return Int64(bitPattern: hash)
    }

    /// Whether key `x…` sorts before key `y…` (the tags' bytes decide, the separator after a tag
    /// sorting below every tag byte), or nil when the tags are equal or not printable ASCII.
    private static func tagOrder(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard x.allSatisfy({ (0x21...0x7e).contains($0) }), y.allSatisfy({ (0x21...0x7e).contains($0) }) else { return nil }
        for (p, q) in zip(x, y) where p != q { return p < q }
        return x.count == y.count ? nil : x.count < y.count
    }

    /// Feeds a variant's key (``key(_:)``), then the separator after a key, to the hash.
    private static func keyHash(_ variant: Variant, into hash: inout UInt64) {
        var tag = variant.language.identifier
        var (marker, content) = keyParts(variant)
        tag.withUTF8 { feed($0, into: &hash) }
        marker.withUTF8 { feed($0, into: &hash) }
        content.withUTF8 { feed($0, into: &hash) }
        feed(0x02, into: &hash)
    }

    private static func of(keys: [String]) -> Int64 {
        var keys = keys
        if keys.count != 2 || keys[0] > keys[1] { keys.sort() }
        var hash = offsetBasis
        for var key in keys {
            key.withUTF8 { feed($0, into: &hash) }
            feed(0x02, into: &hash)
        }
        return Int64(bitPattern: hash)
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// One FNV-1a step a byte.
    private static func feed(_ bytes: UnsafeBufferPointer<UInt8>, into hash: inout UInt64) {
        for byte in bytes { feed(byte, into: &hash) }
    }

    private static func feed(_ byte: UInt8, into hash: inout UInt64) {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
    }

    /// What follows the language in a variant's key: the marker, then the markup (when there
    /// are codes) or the text.
    private static func keyParts(_ variant: Variant) -> (marker: String, content: String) {
        if let markup = variant.segment.markup { return ("\u{1}M", markup) }
        return ("\u{1}T", variant.segment.text)
    }

    /// A variant's identity: language, then the markup (when there are codes) or the text.
    public static func key(_ variant: Variant) -> String {
        let (marker, content) = keyParts(variant)
        return variant.language.identifier + marker + content
    }

    /// True when two units hold the same languages with the same contents.
    public static func sameContent(_ a: [Variant], _ b: [Variant]) -> Bool {
        a.count == b.count && a.map(key).sorted() == b.map(key).sorted()
    }

    /// True when every variant of `part` is, identical, in `whole`.
    public static func contains(_ whole: [Variant], _ part: [Variant]) -> Bool {
        Set(part.map(key)).isSubset(of: Set(whole.map(key)))
    }
}
