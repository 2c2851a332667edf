import KiokuText

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
