import KiokuMemory
import KiokuText

/// Which units a deletion (or a review) is about: given ids, every unit an import added from
/// one file, or every unit whose segments in a language contain a phrase (concordance).
public enum UnitSelection: Sendable, Hashable {
    case ids([UnitID])
    /// The units an import added from this file (as the import recorded its path). Units it
    /// only merged into — already there before — are not its own and stay.
    case origin(String)
    case concordance(phrase: String, language: LanguageTag)

    /// The ids selected, each once, in id order. Ids with no unit are left out (a deletion
    /// reports them as not found).
    public func units(in memory: any MemoryStore) throws(MemoryError) -> [UnitID] {
        switch self {
        case .ids(let ids):
            return try memory.existingUnits(ids)
        case .origin(let path):
            return try memory.units(fromOrigin: path)
        case .concordance(let phrase, let language):
            let hits = try Concordance(memory: memory).search(phrase, language: language, limit: Int.max)
            return Set(hits.map(\.unitID)).sorted()
        }
    }
}
