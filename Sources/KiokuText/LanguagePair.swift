/// A direction of translation between two languages, by primary subtag (`en-US` → `ru`
/// is the pair en → ru): how checks and the server key what they keep per language pair.
public struct LanguagePair: Hashable, Sendable, CustomStringConvertible {
    public let source: LanguageTag
    public let target: LanguageTag

    public init(_ source: LanguageTag, _ target: LanguageTag) {
        self.source = source.primary
        self.target = target.primary
    }

    public var description: String { "\(source)→\(target)" }
}
