import KiokuFormats

/// A stable 64-bit FNV-1a hash of a unit's languages and segment contents, used to
/// find identical units. Variant order does not matter; metadata does not count.
enum ContentHash {
    static func of(_ unit: TranslationUnit) -> Int64 {
        var keys = unit.variants.map(key)
        if keys.count != 2 || keys[0] > keys[1] { keys.sort() }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for var key in keys {
            key.withUTF8 { bytes in
                for byte in bytes {
                    hash ^= UInt64(byte)
                    hash = hash &* 0x100_0000_01b3
                }
            }
            hash ^= 0x02
            hash = hash &* 0x100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    /// A variant's identity: language, then the markup (when there are codes) or the text.
    static func key(_ variant: Variant) -> String {
        if let markup = variant.segment.markup { return variant.language.identifier + "\u{1}M" + markup }
        return variant.language.identifier + "\u{1}T" + variant.segment.text
    }

    /// True when two units hold the same languages with the same contents.
    static func sameContent(_ a: [Variant], _ b: [Variant]) -> Bool {
        a.count == b.count && a.map(key).sorted() == b.map(key).sorted()
    }
}
