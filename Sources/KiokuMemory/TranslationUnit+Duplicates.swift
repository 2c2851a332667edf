import KiokuFormats

extension TranslationUnit {
    /// Takes what `duplicate` — a unit whose variants are all, identical, in this one — adds:
    /// its newer dates and users, and its notes and properties, on the unit and on each identical
    /// variant (`Metadata.merge(_:)`). What every store does with a duplicate on import
    /// (`MemoryWriter.mergeMetadata(into:from:)`), and what ``RoundTrip`` expects of it.
    public mutating func absorb(_ duplicate: TranslationUnit) {
        _ = metadata.merge(duplicate.metadata)
        for index in variants.indices {
            let key = ContentHash.key(variants[index])
            if let incoming = duplicate.variants.first(where: { ContentHash.key($0) == key }) {
                _ = variants[index].metadata.merge(incoming.metadata)
            }
        }
    }
}
