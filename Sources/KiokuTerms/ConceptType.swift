/// What a concept names.
public enum ConceptType: String, Sendable, Hashable, Codable, CaseIterable {
    case person, place, organization, other

    /// Reads `person`, `place`, `organisation`/`organization`, `other` (any case).
    public init?(text: String) {
        switch text.trimmingWhitespace().lowercased() {
        case "person", "people", "name": self = .person
        case "place", "location", "country", "city", "geography": self = .place
        case "organisation", "organization", "agency", "company", "org": self = .organization
        case "other", "": self = .other
        default: return nil
        }
    }
}
