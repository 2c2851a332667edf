import KiokuText

/// Why a reader passed over a unit, as data (reports list the description; tools read the kind).
public enum SkipReason: Hashable, Sendable, CustomStringConvertible {
    /// The unit has fewer than two languages.
    case tooFewLanguages(Int)
    /// Fewer than two of its variants have any text.
    case emptySegments
    /// Paired inline codes (`<bpt>`/`<ept>`) without a partner, by their `i`.
    case unbalancedCodes([String])
    /// A variant names no language.
    case variantWithoutLanguage
    /// A variant's language is not a language tag.
    case invalidLanguageTag(String)
    /// A variant has no segment.
    case variantWithoutSegment
    /// An element the format does not allow where it stands.
    case unexpectedElement(String)
    /// XLIFF: no target, an empty one, or one whose state says it is not translated.
    case notTranslated
    /// XLIFF: `translate="no"`.
    case doNotTranslate
    /// XLIFF: a file's metadata carried as a unit (a PO header, `restype="x-gettext-domain-header"`).
    case fileHeader
    /// XLIFF: the source is empty.
    case emptySource
    /// XLIFF: neither the file nor the caller names the source language…
    case unknownSourceLanguage
    /// …or the target language.
    case unknownTargetLanguage
    /// TSV/CSV: a row of another width than the file's (a tab inside a segment, usually).
    case wrongColumnCount(found: Int, expected: Int, tabSeparated: Bool)
    /// Moses: one side of the line is empty.
    case emptySide
    /// The import keeps only these languages, and the unit has fewer than two of them.
    case outsideLanguages([LanguageTag])
    /// The import's screen (a glossary check) kept the unit out.
    case screened(String)

    public var description: String {
        switch self {
        case .tooFewLanguages(let count): "a unit needs at least two languages; this one has \(count)"
        case .emptySegments: "empty segment (a unit needs at least two non-empty variants)"
        case .unbalancedCodes(let ids): "unbalanced inline tags: <bpt>/<ept> i=\(ids.joined(separator: ",")) without a partner"
        case .variantWithoutLanguage: "a <tuv> without xml:lang"
        case .invalidLanguageTag(let text): "\"\(text)\" is not a language tag"
        case .variantWithoutSegment: "a <tuv> without <seg>"
        case .unexpectedElement(let name): "unexpected <\(name)> in <body>"
        case .notTranslated: "not translated"
        case .doNotTranslate: "translate=\"no\""
        case .fileHeader: "a PO file's header, not a translation"
        case .emptySource: "empty source"
        case .unknownSourceLanguage: "no source language (the file names none)"
        case .unknownTargetLanguage: "no target language (the file names none)"
        case .wrongColumnCount(let found, let expected, let tabs):
            "\(found) column\(found == 1 ? "" : "s") where the file has \(expected)\(tabs ? " (a tab inside a segment?)" : "")"
        case .emptySide: "empty segment on one side"
        case .outsideLanguages(let languages):
            "fewer than two of the languages asked for (\(languages.map(\.identifier).joined(separator: ",")))"
        case .screened(let why): why
        }
    }

    /// A stable name for tools (`--json`).
    public var kind: String {
        switch self {
        case .tooFewLanguages: "too-few-languages"
        case .emptySegments: "empty-segments"
        case .unbalancedCodes: "unbalanced-codes"
        case .variantWithoutLanguage: "variant-without-language"
        case .invalidLanguageTag: "invalid-language-tag"
        case .variantWithoutSegment: "variant-without-segment"
        case .unexpectedElement: "unexpected-element"
        case .notTranslated: "not-translated"
        case .doNotTranslate: "do-not-translate"
        case .fileHeader: "file-header"
        case .emptySource: "empty-source"
        case .unknownSourceLanguage: "unknown-source-language"
        case .unknownTargetLanguage: "unknown-target-language"
        case .wrongColumnCount: "wrong-column-count"
        case .emptySide: "empty-side"
        case .outsideLanguages: "outside-languages"
        case .screened: "screened"
        }
    }
}
