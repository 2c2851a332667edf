import KiokuText

/// A translation unit: the same content in two or more languages (a TMX `<tu>`).
/// Any two of its languages form a pair, in both directions.
public struct TranslationUnit: Hashable, Sendable, Codable {
    public var variants: [Variant]
    /// The language the unit was translated from, when known (`srclang`).
    public var sourceLanguage: LanguageTag?
    public var metadata: Metadata

    public init(variants: [Variant], sourceLanguage: LanguageTag? = nil, metadata: Metadata = Metadata()) {
        self.variants = variants
        self.sourceLanguage = sourceLanguage
        self.metadata = metadata
    }

    /// The first variant whose language `language` covers (`ru` finds `ru-RU`).
    public func variant(_ language: LanguageTag) -> Variant? {
        variants.first { $0.language == language } ?? variants.first { language.covers($0.language) }
    }

    /// The languages of the unit, in variant order.
    public var languages: [LanguageTag] { variants.map(\.language) }

    /// The previous segment's source text, when the unit records its context
    /// (TMX property `x-context-pre`, as OmegaT and Okapi write it).
    public var context: String? {
        get { metadata.property(Self.contextProperty) }
        set {
            metadata.properties.removeAll { $0.type == Self.contextProperty }
            if let newValue { metadata.properties.append(Property(type: Self.contextProperty, value: newValue)) }
        }
    }

    public static let contextProperty = "x-context-pre"

    /// The property a glossary screen's flag is stored in (`kioku import --enforce flag`), exported with the unit.
    public static let flagProperty = "x-kioku-flag"
}
