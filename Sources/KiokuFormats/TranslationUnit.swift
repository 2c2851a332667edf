import KiokuText

/// A segment's content: the plain text that is matched and checked, and, when the
/// segment carries inline codes, the TMX inline markup that reproduces it exactly.
public struct Segment: Hashable, Sendable, Codable {
    /// The text without inline codes (text inside `<hi>` is kept; codes are not words).
    public var text: String
    /// The `<seg>` content as TMX 1.4b inline markup (escaped XML with bpt/ept/ph/it/ut/hi/sub),
    /// or nil when the segment is plain text.
    public var markup: String?

    public init(text: String, markup: String? = nil) {
        self.text = text
        self.markup = markup
    }

    /// The segment as TMX `<seg>` content, escaped.
    public var tmxContent: String { markup ?? XMLEscaping.escape(text) }
}

/// A note attached to a unit or a variant.
public struct Note: Hashable, Sendable, Codable {
    public var text: String
    public var language: String?
    public var attributes: [XMLAttribute]

    public init(text: String, language: String? = nil, attributes: [XMLAttribute] = []) {
        self.text = text
        self.language = language
        self.attributes = attributes
    }
}

/// A typed property (TMX `<prop type="…">`) attached to a unit or a variant.
public struct Property: Hashable, Sendable, Codable {
    public var type: String
    public var value: String
    public var language: String?
    public var attributes: [XMLAttribute]

    public init(type: String, value: String, language: String? = nil, attributes: [XMLAttribute] = []) {
        self.type = type
        self.value = value
        self.language = language
        self.attributes = attributes
    }
}

/// What a unit or variant carries besides its text: who made it and when, notes,
/// properties, and every other attribute the source file gave it, kept for export.
public struct Metadata: Hashable, Sendable, Codable {
    /// TMX `creationdate` (`YYYYMMDDThhmmssZ`).
    public var creationDate: String?
    public var creationUser: String?
    /// TMX `changedate` (`YYYYMMDDThhmmssZ`).
    public var changeDate: String?
    public var changeUser: String?
    public var notes: [Note]
    public var properties: [Property]
    /// Attributes without a field of their own (`tuid`, `usagecount`, `o-tmf`, …), in file order.
    public var attributes: [XMLAttribute]

    public init(creationDate: String? = nil, creationUser: String? = nil, changeDate: String? = nil,
                changeUser: String? = nil, notes: [Note] = [], properties: [Property] = [],
                attributes: [XMLAttribute] = []) {
        self.creationDate = creationDate
        self.creationUser = creationUser
        self.changeDate = changeDate
        self.changeUser = changeUser
        self.notes = notes
        self.properties = properties
        self.attributes = attributes
    }

    /// True when nothing at all is recorded.
    public var isEmpty: Bool {
        creationDate == nil && creationUser == nil && changeDate == nil && changeUser == nil
            && notes.isEmpty && properties.isEmpty && attributes.isEmpty
    }

    /// The value of an extra attribute, e.g. `tuid`.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The first property of a type, e.g. `x-context-pre`.
    public func property(_ type: String) -> String? {
        properties.first { $0.type == type }?.value
    }
}

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

/// A unit a reader could not use, and why; imports count and list these.
public struct Skip: Hashable, Sendable, Codable, CustomStringConvertible {
    public var location: SourceLocation
    public var reason: String

    public init(location: SourceLocation, reason: String) {
        self.location = location
        self.reason = reason
    }

    public var description: String { "\(location): \(reason)" }
}

/// What a reader yields, one at a time: a unit (with where it starts) or a skip.
public enum ReadItem: Sendable {
    case unit(TranslationUnit, SourceLocation)
    case skip(Skip)
}

/// A streaming source of translation units: every format reader is one.
public protocol UnitReader: AnyObject {
    /// Notices for the user that are not errors (e.g. "no srclang; using en-US").
    var notices: [String] { get }
    /// The next unit or skip; nil at the end of the input.
    func next() throws(FormatError) -> ReadItem?
    /// How far through its input the reader is, for progress bars.
    var progress: ReadProgress { get }
}

/// How much of a reader's input has been consumed.
public struct ReadProgress: Sendable, Hashable {
    public var bytesRead: Int64
    public var totalBytes: Int64

    public init(bytesRead: Int64, totalBytes: Int64) {
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
    }
}
