import KiokuText

/// Finds translations that disagree with each other, no glossary needed: the same
/// source (in matching form) with different targets, and the same target with different sources.
///
/// Keeps one hash and the first text per distinct segment, so a million units fit.
/// A reference type: its tables grow to millions of entries and must never be copied.
public final class ConsistencyCheck {
    private struct Group {
        var text: String
        /// Each different counterpart (by hash of its matching form): its text and locations.
        var counterparts: [Int: (text: String, locations: [String])]
    }

    private var bySource: [Int: Group] = [:]
    private var byTarget: [Int: Group] = [:]
    private let normalizer = MatchNormalizer()
    public let sourceLanguage: LanguageTag
    public let targetLanguage: LanguageTag

    public init(source: LanguageTag, target: LanguageTag) {
        sourceLanguage = source
        targetLanguage = target
    }

    public func add(source: String, target: String, location: String) {
        let sourceKey = normalizer.normalize(source).hashValue, targetKey = normalizer.normalize(target).hashValue
        Self.note(&bySource, key: sourceKey, text: source, counterpartKey: targetKey, counterpart: target, location: location)
        Self.note(&byTarget, key: targetKey, text: target, counterpartKey: sourceKey, counterpart: source, location: location)
    }

    private static func note(_ groups: inout [Int: Group], key: Int, text: String, counterpartKey: Int, counterpart: String, location: String) {
        if groups[key] == nil {
            groups[key] = Group(text: text, counterparts: [counterpartKey: (counterpart, [location])])
        } else if groups[key]!.counterparts[counterpartKey] == nil {
            groups[key]!.counterparts[counterpartKey] = (counterpart, [location])
        } else if groups[key]!.counterparts.count > 1 {
            groups[key]!.counterparts[counterpartKey]!.locations.append(location)
        }
        // (locations of a single, agreeing counterpart are not kept: they are never reported)
    }

    /// One warning per source with several targets and per target with several sources.
    public func findings() -> [Finding] {
        func report(_ groups: [Int: Group], from: LanguageTag, to: LanguageTag, side: String) -> [Finding] {
            groups.values.filter { $0.counterparts.count > 1 }.map { group in
                let locations = group.counterparts.values.flatMap(\.locations).sorted()
                return Finding(kind: .inconsistent, severity: .warning, location: locations.joined(separator: ", "),
                               sourceLanguage: from, targetLanguage: to, conceptID: nil, concept: nil,
                               expected: ["the \(from) \(side) «\(group.text)»"], found: group.counterparts.values.map(\.text).sorted(),
                               source: group.text, target: "")
            }
        }
        return (report(bySource, from: sourceLanguage, to: targetLanguage, side: "source")
            + report(byTarget, from: targetLanguage, to: sourceLanguage, side: "target")).sorted { $0.location < $1.location }
    }
}
