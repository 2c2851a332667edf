import KiokuText

/// Reads the translated entries of a gettext PO file as units, for `kioku import`.
///
/// An entry is imported when every msgstr is filled and it is not `#, fuzzy`; the header,
/// untranslated and fuzzy entries are counted as skips, and obsolete (`#~`) entries are not
/// entries. The unit pairs `msgid` with `msgstr` (a plural entry: with `msgstr[0]`, the other
/// forms and `msgid_plural` kept as properties, see ``POProperties``); `msgctxt`, the
/// translator's and extracted comments, the references and the previous entry's msgid (the
/// context of 101 % matches) are kept too. The target language is the header's `Language:`;
/// the source language is `X-Source-Language:`, the caller's, or English (gettext's convention).
public final class POReader: UnitReader {
    public let path: String
    public let notices: [ReaderNotice] = []
    public var progress: ReadProgress {
        let read = position < catalog.entries.count ? catalog.entries[position].range.lowerBound : catalog.bytes.count
        return ReadProgress(bytesRead: Int64(read), totalBytes: Int64(catalog.bytes.count))
    }
    private let catalog: POCatalog
    private let source: LanguageTag?
    private let target: LanguageTag?
    private var position = 0
    private var previous: String?

    public init(path: String, sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil) throws(FormatError) {
        self.path = path
        catalog = try POCatalog.read(path: path)
        source = sourceLanguage ?? catalog.headerSourceLanguage
        target = catalog.language ?? targetLanguage
    }

    public func next() throws(FormatError) -> ReadItem? {
        while position < catalog.entries.count {
            let entry = catalog.entries[position]
            position += 1
            let at = SourceLocation(file: path, line: entry.line)
            if entry.isHeader { return .skip(Skip(location: at, reason: .fileHeader)) }
            let context = previous
            previous = entry.msgid
            guard entry.isTranslated else { return .skip(Skip(location: at, reason: .notTranslated)) }
            guard let source else { return .skip(Skip(location: at, reason: .unknownSourceLanguage)) }
            guard let target else { return .skip(Skip(location: at, reason: .unknownTargetLanguage)) }
            var unit = TranslationUnit(variants: [Variant(language: source, text: entry.msgid), Variant(language: target, text: entry.msgstr[0])],
                                       sourceLanguage: source)
            unit.context = context
            var properties: [Property] = []
            if let msgctxt = entry.msgctxt { properties.append(Property(type: POProperties.context, value: msgctxt)) }
            if let plural = entry.msgidPlural {
                properties.append(Property(type: POProperties.msgidPlural, value: plural))
                properties += entry.msgstr.dropFirst().map { Property(type: POProperties.pluralForm, value: $0) }
            }
            let flags = entry.flags.filter { $0 != "fuzzy" }
            if !flags.isEmpty { properties.append(Property(type: POProperties.flags, value: flags.joined(separator: ", "))) }
            unit.metadata.properties += properties
            unit.metadata.notes = entry.comments.compactMap { comment in
                // Kioku's own pre-translation comments describe where a draft came from, not the translation.
                if comment.hasPrefix(JobDocument.poCommentPrefix) { return nil }
                if comment.hasPrefix("# ") { return Note(text: String(comment.dropFirst(2))) }
                if comment.hasPrefix("#. ") || comment.hasPrefix("#: ") { return Note(text: comment) }
                return nil
            }
            return .unit(unit, at)
        }
        return nil
    }
}
