import KiokuFormats
import KiokuMemory

/// What the unit page shows: every variant (editable once a write token is entered),
/// the unit's metadata and the history of its edits.
struct UnitView: Sendable {
    struct VariantView: Sendable {
        var unitID: Int64
        var position: Int
        var language: String
        var text: String
    }

    struct PropertyView: Sendable {
        var name: String
        var value: String
    }

    struct HistoryView: Sendable {
        var date: String
        var user: String?
        var language: String
        var text: String
    }

    var id: Int64
    var origin: String?
    var created: String?
    var changed: String?
    var notes: [String]
    var properties: [PropertyView]
    var variants: [VariantView]
    var hasHistory: Bool
    var history: [HistoryView]

    init(_ stored: StoredUnit, history: [VariantRevision]) {
        let metadata = stored.unit.metadata
        func stamp(_ date: String?, _ user: String?) -> String? {
            date.map { WebDates.readable($0) + (user.map { " by \($0)" } ?? "") }
        }
        id = stored.id.rawValue
        origin = stored.origin
        created = stamp(metadata.creationDate, metadata.creationUser)
        changed = stamp(metadata.changeDate, metadata.changeUser)
        notes = metadata.notes.map(\.text)
        properties = metadata.properties.map { PropertyView(name: $0.type, value: $0.value) }
        variants = stored.unit.variants.enumerated().map { position, variant in
            VariantView(unitID: stored.id.rawValue, position: position, language: variant.language.identifier, text: variant.segment.text)
        }
        self.history = history.reversed().map { entry in
            HistoryView(date: WebDates.readable(entry.replaced.date), user: entry.replaced.user,
                        language: entry.language, text: entry.text)
        }
        hasHistory = !history.isEmpty
    }
}
