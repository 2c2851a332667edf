import KiokuText

/// A job file as read for analysis and pre-translation: its segments in file order, and
/// everything else kept byte for byte so a pre-translated copy changes only what it fills.
///
/// Open one with ``JobDocument/read(path:sourceLanguage:targetLanguage:)``; write a filled copy
/// with ``JobDocument/write(fills:to:)``.
public struct JobDocument: Sendable {
    public let path: String
    public let format: JobFormat
    /// The languages the file names (or the caller gave when it names none).
    public let sourceLanguage: LanguageTag?
    public let targetLanguage: LanguageTag?
    /// The segments to translate, in file order (units marked `translate="no"` and PO headers excluded).
    public let segments: [JobSegment]
    /// The document's UTF-8 bytes, which the writers patch.
    let bytes: [UInt8]
    /// True when the file was in another encoding (UTF-16, a declared one) and was decoded.
    let decoded: Bool
    /// Format-specific places, indexed by each segment's `place`.
    let places: Places

    enum Places: Sendable {
        case xliff12([XLIFF12Place])
        case xliff20([XLIFF20Place], units: [XLIFF20Unit])
        case po(POCatalog)
    }

    /// A PO file's number of plural forms (its header's `nplurals`), nil for XLIFF or when unknown.
    public var pluralCount: Int? {
        if case .po(let catalog) = places { return catalog.pluralCount }
        return nil
    }

    /// Reads `path`: `.po`/`.pot` as gettext PO, anything else as XLIFF 1.2 or 2.0 (by its `version`).
    /// The languages given are used when the file names none.
    public static func read(path: String, sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil) throws(FormatError) -> JobDocument {
        let lower = path.lowercased()
        if lower.hasSuffix(".po") || lower.hasSuffix(".pot") {
            return try POCatalog.read(path: path).document(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        }
        return try XLIFFJobReader(path: path, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage).read()
    }
}
