import KiokuFormats
import KiokuText

/// What ``MemoryStore/editVariant(of:language:to:stamp:)`` did.
public struct VariantEdit: Sendable, Hashable, Codable {
    public var unitID: UnitID
    /// The variant's language as stored (`ru-RU` for an edit asked for `ru`).
    public var language: String
    public var previous: Segment
    public var current: Segment
    /// False when the new text was the text already there: nothing was written.
    public var changed: Bool
}

extension MemoryStore {
    public func reclaimSpace() throws(MemoryError) {}

    /// Deletes units in one transaction and returns the ids that were there (ids with no unit
    /// are passed over). From the moment this returns, no lookup, concordance, check, export or
    /// statistic answers with them; indexes drop them at their next update.
    @discardableResult
    public func deleteUnits(_ ids: [UnitID], stamp: ChangeStamp) throws(MemoryError) -> [UnitID] {
        try write { writer in
            var deleted: [UnitID] = []
            for id in Set(ids).sorted() where try writer.delete(id, stamp: stamp) { deleted.append(id) }
            return deleted
        }
    }

    /// Replaces the text of one variant of a unit (in one transaction). `language` names the
    /// variant: the one with exactly that tag, else the only one it covers (`ru` for `ru-RU`),
    /// else the only one covering it. The replaced text goes to the unit's history, the unit's
    /// change date and user become `stamp`'s. A text with inline codes comes as TMX markup in
    /// `segment.markup`; plain text has none (and replaces the codes, unless it is the text
    /// already there: then nothing changes).
    public func editVariant(of unit: UnitID, language: LanguageTag, to segment: Segment, stamp: ChangeStamp) throws(MemoryError) -> VariantEdit {
        guard !segment.text.allSatisfy(\.isWhitespace) else { throw .emptyVariant(path: location, unit: unit) }
        return try write { writer throws(MemoryError) in
            let variants = try writer.variants(of: unit)
            guard !variants.isEmpty else { throw MemoryError.noSuchUnit(path: location, id: unit) }
            let position = try Self.position(of: language, in: variants, unit: unit, location: location)
            let previous = variants[position].segment
            var edit = VariantEdit(unitID: unit, language: variants[position].language.identifier, previous: previous, current: segment, changed: false)
            // The same words again change nothing — plain text given for a variant with inline codes
            // does not strip them.
            guard previous.text != segment.text || (segment.markup != nil && segment.markup != previous.markup) else {
                edit.current = previous
                return edit
            }
            try writer.replaceVariant(of: unit, position: position, with: segment, stamp: stamp)
            edit.changed = true
            return edit
        }
    }

    /// Which of a unit's variants `language` names.
    static func position(of language: LanguageTag, in variants: [Variant], unit: UnitID, location: String) throws(MemoryError) -> Int {
        let rules: [(LanguageTag) -> Bool] = [{ $0 == language }, { language.covers($0) }, { $0.covers(language) }]
        for rule in rules {
            let found = variants.indices.filter { rule(variants[$0].language) }
            if found.count == 1 { return found[0] }
            if found.count > 1 {
                throw .ambiguousVariant(path: location, unit: unit, language: language.identifier,
                                        candidates: found.map { variants[$0].language.identifier })
            }
        }
        throw .noSuchVariant(path: location, unit: unit, language: language.identifier, available: variants.map(\.language.identifier))
    }
}
