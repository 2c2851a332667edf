import KiokuFormats

/// What ``MemoryStore/copy(to:inserted:progress:)`` carried over.
public struct CopyReport: Sendable, Equatable {
    public var units = 0
    public var origins = 0
    /// Entries of units' edit histories.
    public var revisions = 0
    public var glossaryRecords = 0
}

extension MemoryStore {
    /// Copies everything this TM holds into `target`, which must hold no unit, in one
    /// transaction on the target: each unit under its own id with its metadata and origin, the
    /// origins with their import dates, the edit histories and the stored glossary. A failure
    /// leaves the target as it was. The fuzzy index is not copied: the target builds its own
    /// from the units (see `FuzzyIndex.update()`), or from what `inserted` was given.
    ///
    /// - Parameters:
    ///   - inserted: called with each unit as it is written, in ascending id order (for
    ///     `ImportTokenizer`, made with `idsMayHaveGaps`, to tokenize it for the target's index).
    ///   - progress: called every 10,000 units with how many are copied.
    public func copy(to target: any MemoryStore, inserted: ((UnitID, TranslationUnit) -> Void)? = nil,
                     progress: ((Int) -> Void)? = nil) throws(MemoryError) -> CopyReport {
        let held = try target.unitCount()
        guard held == 0 else { throw .notEmpty(path: target.location, units: held) }
        let origins = try statistics().origins
        let glossary = try glossaryRecords()
        return try target.write { writer in
            var report = CopyReport()
            var originIDs: [String: OriginID] = [:]
            for origin in origins {
                originIDs[origin.path] = try writer.recordOrigin(origin.path, importedAt: origin.importedAt)
            }
            report.origins = originIDs.count
            // The units are read and hashed on another thread while this one writes.
            let reader = StoreReadAhead(self)
            defer { reader.cancel() }
            while let batch = try reader.next() {
                for (stored, hash) in batch {
                    let path = stored.origin ?? ""
                    let origin = try originIDs[path] ?? writer.recordOrigin(path, importedAt: "")
                    originIDs[path] = origin
                    try writer.insert(stored.unit, contentHash: hash, origin: origin, id: stored.id)
                    inserted?(stored.id, stored.unit)
                    report.units += 1
                    if report.units % 10_000 == 0 { progress?(report.units) }
                }
            }
            try forEachRevision { revision in
                try writer.recordRevision(revision)
                report.revisions += 1
            }
            for record in glossary { _ = try writer.saveGlossaryRecord(record) }
            report.glossaryRecords = glossary.count
            return report
        }
    }
}
