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

    /// The newest date the unit or any of its variants records (OmegaT dates the target
    /// variant, not the unit): what "newer" means when equal matches are ordered.
    public var latestDate: String? {
        ([metadata.latestDate] + variants.map(\.metadata.latestDate)).compactMap { $0 }
            .max { Metadata.sortKey(ofDate: $0) < Metadata.sortKey(ofDate: $1) }
    }

    /// The languages of the unit, in variant order.
    public var languages: [LanguageTag] { variants.map(\.language) }

    /// The previous segment's source text, when the unit records its context: the TMX property
    /// `x-context-pre` (Okapi, Kioku), else OmegaT's `prev` (its alternative translations).
    public var context: String? {
        get {
            metadata.property(Self.contextProperty)
                ?? metadata.property(Self.omegaTContextProperty).flatMap { $0.isEmpty ? nil : $0 }
        }
        set {
            metadata.properties.removeAll { $0.type == Self.contextProperty }
            if let newValue { metadata.properties.append(Property(type: Self.contextProperty, value: newValue)) }
        }
    }

    public static let contextProperty = "x-context-pre"

    /// Every context the unit records: a unit met in several places (merged duplicates, OmegaT
    /// alternatives) can have several.
    public var contexts: [String] {
        metadata.properties.filter { $0.type == Self.contextProperty || ($0.type == Self.omegaTContextProperty && !$0.value.isEmpty) }
            .map(\.value)
    }

    /// OmegaT's name for the previous segment of an alternative translation (it writes `next` too).
    public static let omegaTContextProperty = "prev"

    /// The property a glossary screen's flag is stored in (`kioku import --enforce flag`), exported with the unit.
    public static let flagProperty = "x-kioku-flag"
}
