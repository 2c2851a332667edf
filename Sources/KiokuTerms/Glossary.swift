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
