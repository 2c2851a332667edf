import KiokuText

/// A glossary: concepts (people, places, organisations, other) with their approved and
/// forbidden terms in each language.
public struct Glossary: Sendable, Hashable, Codable {
    public var concepts: [Concept]

    public init(concepts: [Concept] = []) {
        self.concepts = concepts
    }

    /// The languages any term is in.
    public var languages: [LanguageTag] {
        Array(Set(concepts.flatMap { $0.terms.map(\.language) })).sorted()
    }

    /// Concepts merged from several glossaries, in order (a later concept with the same id replaces an earlier one).
    public static func merged(_ glossaries: [Glossary]) -> Glossary {
        var order: [String] = []
        var byID: [String: Concept] = [:]
        for concept in glossaries.flatMap(\.concepts) {
            if byID[concept.id] == nil { order.append(concept.id) }
            byID[concept.id] = concept
        }
        return Glossary(concepts: order.map { byID[$0]! })
    }
}

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

/// One concept with its terms in every language.
public struct Concept: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var type: ConceptType
    public var terms: [Term]
    public var note: String?

    public init(id: String, type: ConceptType = .other, terms: [Term], note: String? = nil) {
        self.id = id
        self.type = type
        self.terms = terms
        self.note = note
    }

    /// The approved (preferred, then admitted) terms in `language`.
    public func approvedTerms(in language: LanguageTag) -> [Term] {
        terms.filter { $0.status != .forbidden && language.primary.covers($0.language) }
            .sorted { $0.status == .preferred && $1.status != .preferred }
    }

    /// The forbidden terms in `language`.
    public func forbiddenTerms(in language: LanguageTag) -> [Term] {
        terms.filter { $0.status == .forbidden && language.primary.covers($0.language) }
    }

    /// A short name for reports: the first preferred English term, else the first term.
    public var label: String {
        (terms.first { $0.language.language == "en" && $0.status == .preferred } ?? terms.first { $0.status != .forbidden } ?? terms.first)?.text ?? id
    }
}

/// A term's standing (TBX-Basic `administrativeStatus`).
public enum TermStatus: String, Sendable, Hashable, Codable {
    case preferred, admitted, forbidden

    /// Reads TBX values (`preferredTerm-admn-sts`, `deprecatedTerm-admn-sts`, `supersededTerm-admn-sts`, …) and plain words.
    public init?(text: String) {
        let value = text.lowercased()
        if value.isEmpty || value.contains("preferred") { self = .preferred }
        else if value.contains("admitted") { self = .admitted }
        else if value.contains("deprecated") || value.contains("superseded") || value.contains("forbidden")
                    || value.contains("obsolete") || value.contains("not allowed") { self = .forbidden }
        else { return nil }
    }

    /// The TBX-Basic value.
    public var tbxValue: String {
        switch self {
        case .preferred: "preferredTerm-admn-sts"
        case .admitted: "admittedTerm-admn-sts"
        case .forbidden: "deprecatedTerm-admn-sts"
        }
    }
}

/// A term in one language.
public struct Term: Sendable, Hashable, Codable {
    public var language: LanguageTag
    public var text: String
    public var status: TermStatus
    /// When true, the term matches only with the same letter case (e.g. an acronym that is also a word).
    public var caseSensitive: Bool
    public var partOfSpeech: String?
    public var note: String?

    public init(language: LanguageTag, text: String, status: TermStatus = .preferred, caseSensitive: Bool = false,
                partOfSpeech: String? = nil, note: String? = nil) {
        self.language = language
        self.text = text
        self.status = status
        self.caseSensitive = caseSensitive
        self.partOfSpeech = partOfSpeech
        self.note = note
    }
}
