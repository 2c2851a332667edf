import KiokuFormats

/// A stable 64-bit FNV-1a hash of a unit's languages and segment contents, used to
/// find identical units. Variant order does not matter; metadata does not count.
enum ContentHash {
    static func of(_ unit: TranslationUnit) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let sorted = unit.variants.count == 2 && unit.variants[0].language <= unit.variants[1].language
            ? unit.variants : unit.variants.sorted { ($0.language, $0.segment.tmxContent) < ($1.language, $1.segment.tmxContent) }
        for variant in sorted {
            for byte in variant.language.identifier.utf8 { mix(byte) }
            mix(0x01)
            for byte in variant.segment.tmxContent.utf8 { mix(byte) }
            mix(0x02)
        }
        return Int64(bitPattern: hash)
    }

    /// True when two units hold the same languages with the same contents.
    static func sameContent(_ a: [Variant], _ b: [Variant]) -> Bool {
        guard a.count == b.count else { return false }
        func key(_ variants: [Variant]) -> [String] {
            variants.map { $0.language.identifier + "\u{1}" + $0.segment.tmxContent }.sorted()
        }
        return key(a) == key(b)
    }
}
