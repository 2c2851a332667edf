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

    /// What ``RankingReader/candidate(_:)`` answers from a unit read whole: the text of its
    /// variant stored at `position`, and its other variants (language tag, text). `positions`
    /// holds each variant's stored position; nil when none is `position`.
    package func rankingCandidate(position: Int, positions: [Int64]) -> (text: String, others: [(language: String, text: String)])? {
        guard let own = positions.firstIndex(of: Int64(position)) else { return nil }
        let variants = unit.variants
        return (variants[own].segment.text,
                variants.indices.filter { $0 != own }.map { (variants[$0].language.identifier, variants[$0].segment.text) })
    }
}
