import KiokuFormats
import KiokuText

/// A unit as the TM holds it: its id and the file it came from, besides its content.
public struct StoredUnit: Sendable, Hashable, Codable {
    public var id: UnitID
    public var origin: String?
    public var unit: TranslationUnit

    public init(id: UnitID, origin: String?, unit: TranslationUnit) {
        self.id = id
        self.origin = origin
        self.unit = unit
    }
}

extension StoredUnit {
    /// Hands a unit a store read on to `forEachUnit`'s caller: to `changed` when its content no
    /// longer hashes to what was stored (and `changed` is given), else to `body` with only the
    /// variants in `languages` — or not at all when fewer than two remain. Every store reads
    /// units its own way and filters them this one way.
    package static func deliver(_ unit: StoredUnit, intact: Bool, languages: [LanguageTag]?,
                                changed: ((StoredUnit) throws(MemoryError) -> Void)?, to body: (StoredUnit) throws -> Void) throws {
        if let changed, !intact {
            try changed(unit)
            return
        }
        var unit = unit
        if let languages {
            unit.unit.variants.removeAll { variant in !languages.contains { $0.covers(variant.language) } }
            guard unit.unit.variants.count >= 2 else { return }
        }
        try body(unit)
    }
}
