import KiokuFormats
import KiokuMemory

/// What `kioku qa --fix` does with the units a sweep found.
public enum QAFix: String, Sendable, CaseIterable, Codable {
    /// Deletes them. Of a conflict (one source, different targets) the unit changed last is
    /// kept — the one lookups rank first — and the others are deleted.
    case delete
    /// Marks them with an `x-kioku-flag` property saying what was found ("qa numbers: en has
    /// 1956, ru has 1965"): exported with the unit, for a reviewer to filter on. Flagging again
    /// adds nothing.
    case flag
}

/// What a fix did.
public struct QAFixOutcome: Sendable, Codable, Hashable {
    public var fix: QAFix
    /// The units deleted or flagged, in id order.
    public var units: [UnitID]
}

extension QAReport {
    /// Applies `fix` to the units of the findings of `kinds`, in one transaction: all of them
    /// are fixed, or (on an error) none is.
    public func apply(_ fix: QAFix, kinds: Set<QAKind>, to memory: any MemoryStore, stamp: ChangeStamp) throws(MemoryError) -> QAFixOutcome {
        let chosen = findings.filter { kinds.contains($0.kind) }
        switch fix {
        case .delete:
            var doomed = Set<UnitID>()
            for finding in chosen {
                guard finding.kind == .conflict else { doomed.insert(UnitID(finding.unit)); continue }
                var group: [(key: String, id: UnitID)] = []
                for id in ([finding.unit] + finding.relatedUnits).map({ UnitID($0) }) {
                    guard let stored = try memory.unit(id) else { continue }
                    group.append((stored.unit.latestDate.map(Metadata.sortKey(ofDate:)) ?? "", id))
                }
                let kept = group.max { ($0.key, $0.id) < ($1.key, $1.id) }
                doomed.formUnion(group.map(\.id).filter { $0 != kept?.id })
            }
            return QAFixOutcome(fix: fix, units: try memory.deleteUnits(Array(doomed), stamp: stamp))
        case .flag:
            var flags: [UnitID: [Property]] = [:]
            for finding in chosen {
                let value = "qa \(finding.kind.rawValue): \(finding.detail)"
                let property = Property(type: TranslationUnit.flagProperty, value: value)
                if !(flags[UnitID(finding.unit)]?.contains(property) ?? false) { flags[UnitID(finding.unit), default: []].append(property) }
            }
            try memory.write { writer in
                for (id, properties) in flags {
                    try writer.mergeMetadata(into: id, from: TranslationUnit(variants: [], metadata: Metadata(properties: properties)))
                }
            }
            return QAFixOutcome(fix: fix, units: flags.keys.sorted())
        }
    }
}
