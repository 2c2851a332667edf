import KiokuText

/// One problem a glossary check found.
public struct Finding: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        /// A concept in the source has none of its approved terms in the target (error).
        case missing
        /// The target uses a forbidden term (error).
        case forbidden
        /// A concept's target term has no counterpart in the source (warning).
        case extra
        /// The same source with different targets, or the same target with different sources (warning).
        case inconsistent
    }

    public enum Severity: String, Sendable, Codable { case error, warning }

    public var kind: Kind
    public var severity: Severity
    /// Where: `unit 12` in a TM, `file.tmx:34` in a file.
    public var location: String
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    /// The concept (its id and its name in English, when it has one).
    public var conceptID: String?
    public var concept: String?
    /// The approved terms the target should use.
    public var expected: [String]
    /// What the target has instead (the forbidden term, or the conflicting translations).
    public var found: [String]
    public var source: String
    public var target: String

    public var description: String {
        switch kind {
        case .missing:
            return "\(location): \(severity) missing \(concept ?? "?"): the \(targetLanguage) target has none of \(expected.map { "«\($0)»" }.joined(separator: ", "))"
        case .forbidden:
            return "\(location): \(severity) forbidden \(concept ?? "?"): «\(found.joined(separator: "», «"))» in the \(targetLanguage) target; use \(expected.map { "«\($0)»" }.joined(separator: " or "))"
        case .extra:
            return "\(location): \(severity) extra \(concept ?? "?"): «\(found.joined(separator: "», «"))» in the \(targetLanguage) target, but the \(sourceLanguage) source does not name it"
        case .inconsistent:
            return "\(location): \(severity) inconsistent: \(expected.first ?? "") has \(found.count) different translations: \(found.map { "«\($0)»" }.joined(separator: " / "))"
        }
    }
}
