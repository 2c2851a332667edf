import KiokuText

/// One language's version of a translation unit.
public struct Variant: Hashable, Sendable, Codable {
    public var language: LanguageTag
    public var segment: Segment
    public var metadata: Metadata

    public init(language: LanguageTag, segment: Segment, metadata: Metadata = Metadata()) {
        self.language = language
        self.segment = segment
        self.metadata = metadata
    }

    public init(language: LanguageTag, text: String) {
        self.init(language: language, segment: Segment(text: text))
    }
}
