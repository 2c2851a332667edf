/// What a unit or variant carries besides its text: who made it and when, notes,
/// properties, and every other attribute the source file gave it, kept for export.
public struct Metadata: Hashable, Sendable, Codable {
    /// TMX `creationdate` (`YYYYMMDDThhmmssZ`).
    public var creationDate: String?
    public var creationUser: String?
    /// TMX `changedate` (`YYYYMMDDThhmmssZ`).
    public var changeDate: String?
    public var changeUser: String?
    public var notes: [Note]
    public var properties: [Property]
    /// Attributes without a field of their own (`tuid`, `usagecount`, `o-tmf`, …), in file order.
    public var attributes: [XMLAttribute]

    public init(creationDate: String? = nil, creationUser: String? = nil, changeDate: String? = nil,
                changeUser: String? = nil, notes: [Note] = [], properties: [Property] = [],
                attributes: [XMLAttribute] = []) {
        self.creationDate = creationDate
        self.creationUser = creationUser
        self.changeDate = changeDate
        self.changeUser = changeUser
        self.notes = notes
        self.properties = properties
        self.attributes = attributes
    }

    /// True when nothing at all is recorded.
    public var isEmpty: Bool {
        creationDate == nil && creationUser == nil && changeDate == nil && changeUser == nil
            && notes.isEmpty && properties.isEmpty && attributes.isEmpty
    }

    /// The value of an extra attribute, e.g. `tuid`.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The first property of a type, e.g. `x-context-pre`.
    public func property(_ type: String) -> String? {
        properties.first { $0.type == type }?.value
    }
}

extension Metadata {
    /// Takes what a duplicate of the same unit or variant adds: its newer dates (see
    /// ``takeNewerDates(of:)``), and its notes and properties that are not already here.
    /// Other attributes (`tuid`, …) stay as they are. True when anything changed.
    public mutating func merge(_ other: Metadata) -> Bool {
        var changed = takeNewerDates(of: other)
        for note in other.notes where !notes.contains(note) {
            notes.append(note)
            changed = true
        }
        for property in other.properties where !properties.contains(property) {
            properties.append(property)
            changed = true
        }
        return changed
    }
}
