import KiokuText

/// What a glossary says about a lookup: the concepts the query names with the target
/// terms they require, and, for each match, whether its target (adapted when it was)
/// uses them and avoids forbidden terms.
public struct GlossaryAnnotation: Sendable, Codable {
    public struct Requirement: Sendable, Codable {
        public var conceptID: String
        public var concept: String
        public var terms: [String]
    }

    public struct MatchCompliance: Sendable, Codable {
        public var complies: Bool
        /// Readable problems, e.g. "missing Vladivostok (Владивосток)".
        public var problems: [String]
        public var findings: [Finding]
    }

    public var requires: [Requirement]
    public var matches: [MatchCompliance]

    /// - Parameter targets: the targets to judge, in order (use the adapted target when there is one).
    public init(glossary: Glossary, query: String, targets: [String], source: LanguageTag, target: LanguageTag) {
        let checker = GlossaryChecker(glossary: glossary, source: source, target: target)
        requires = checker.requirements(of: query).map {
            Requirement(conceptID: $0.concept.id, concept: $0.concept.label, terms: $0.terms.map(\.text))
        }
        matches = targets.map { text in
            let findings = checker.check(source: query, target: text, location: "match").filter { $0.severity == .error }
            return MatchCompliance(complies: findings.isEmpty, problems: findings.map { finding in
                switch finding.kind {
                case .forbidden: "forbidden «\(finding.found.joined(separator: "», «"))» (use \(finding.expected.joined(separator: " / ")))"
                default: "missing \(finding.concept ?? "?") (\(finding.expected.joined(separator: " / ")))"
                }
            }, findings: findings)
        }
    }
}
