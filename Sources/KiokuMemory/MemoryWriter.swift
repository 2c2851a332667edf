import KiokuFormats

/// The writes one transaction of a ``MemoryStore`` may make, as typed primitives. What they
/// mean — when a unit is a duplicate, which date wins — is decided once, in
/// ``MemoryStore/importUnits(from:options:progress:)``, for every store.
public protocol MemoryWriter {
    /// Records (or refreshes the date of) the file units come from.
    func recordOrigin(_ path: String, importedAt: String) throws(MemoryError) -> OriginID
    /// Says which hashes the next calls of ``units(withContentHash:)`` and ``units(containingPair:)``
    /// will ask about (an import's next batch), so a networked store can look them all up in
    /// one round trip. A hint only: a store may ignore it, and asking about other hashes works.
    func expect(contentHashes: [Int64], pairHashes: [Int64]) throws(MemoryError)
    /// Units whose content hash is `hash` (usually none; more than one only on a hash collision).
    func units(withContentHash hash: Int64) throws(MemoryError) -> [UnitID]
    /// Units in three or more languages holding two variants whose pair hash
    /// (``ContentHash/pair(_:_:)``) is `hash`. (A unit of just those two has it as its content hash.)
    func units(containingPair hash: Int64) throws(MemoryError) -> [UnitID]
    /// A stored unit's variants: language, text and inline markup (what identity compares).
    func variants(of unit: UnitID) throws(MemoryError) -> [Variant]
    /// Stores a new unit with all its metadata; returns its id.
    func insert(_ unit: TranslationUnit, contentHash: Int64, origin: OriginID) throws(MemoryError) -> UnitID
    /// Stores a unit under the id it has in another store (a copy, ``MemoryStore/copy(to:inserted:progress:)``);
    /// units inserted after it get higher ids.
    func insert(_ unit: TranslationUnit, contentHash: Int64, origin: OriginID, id: UnitID) throws(MemoryError)
    /// Adds an entry to a unit's history as another store recorded it (a copy).
    func recordRevision(_ revision: VariantRevision) throws(MemoryError)
    /// Takes what `duplicate` — a unit whose variants are all, identical, in the stored one —
    /// adds to it: newer dates and users, and notes and properties the stored unit or its
    /// identical variants lack (`Metadata.merge(_:)`). Nothing an import brings is dropped.
    func mergeMetadata(into unit: UnitID, from duplicate: TranslationUnit) throws(MemoryError)
    /// Deletes a unit with its variants and records the deletion in the change log (so that
    /// indexes drop it); false, with nothing written, when there is no such unit. Its id is
    /// never given to another unit.
    func delete(_ unit: UnitID, stamp: ChangeStamp) throws(MemoryError) -> Bool
    /// Replaces the text of the variant at `position` of a unit: the previous text goes to the
    /// unit's history, the unit's change date and user become `stamp`'s, its content hash
    /// follows the new text, and the change log records the edit (so that indexes re-read it).
    func replaceVariant(of unit: UnitID, position: Int, with segment: Segment, stamp: ChangeStamp) throws(MemoryError)
    /// Saves a glossary record, replacing the one with the same id (which keeps its place);
    /// true when it is new.
    func saveGlossaryRecord(_ record: GlossaryRecord) throws(MemoryError) -> Bool
    /// How many units the store holds, this transaction's included.
    func unitCount() throws(MemoryError) -> Int
}

extension MemoryWriter {
    /// A store whose reads are cheap (a local file) needs no hint.
    public func expect(contentHashes: [Int64], pairHashes: [Int64]) throws(MemoryError) {}
}
