import KiokuText

/// Reads the translated units of XLIFF 1.2 and 2.0 files.
///
/// A unit is imported when it has a non-empty target whose state is not
/// `new`/`needs-translation` (1.2) or `initial` (2.0); untranslated units are
/// counted as skips. XLIFF inline elements become TMX inline codes that carry
/// the original tag, so nothing is lost and codes never count as words. Each unit
/// records the source text of the segment before it in the file as its context, so
/// the next job with the same sequence gets 101 % matches.
public final class XLIFFReader: UnitReader {
    public let path: String
    public private(set) var version = ""
    public private(set) var notices: [ReaderNotice] = []
    public var progress: ReadProgress { parser.progress }
    private let parser: XMLPullParser
    private var fileSource: LanguageTag?
    private var fileTarget: LanguageTag?
    private var fileOriginal: String?
    private var pending: [ReadItem] = []
    /// The source text of the last segment read (translated or not): the next unit's context.
    private var previousSource: String?
    private let fallbackSource: LanguageTag?
    private let fallbackTarget: LanguageTag?

    public init(path: String, sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil) throws(FormatError) {
        self.path = path
        fallbackSource = sourceLanguage
        fallbackTarget = targetLanguage
        parser = try XMLPullParser(path: path)
        guard case .start(let root, let attributes)? = try parser.next(), root == "xliff" else {
            throw .invalidStructure(location(), "not an XLIFF file (the root element is not <xliff>)")
        }
        version = attributes.value("version") ?? ""
        if version.hasPrefix("2") {
            fileSource = attributes.value("srcLang").flatMap(LanguageTag.init)
            fileTarget = attributes.value("trgLang").flatMap(LanguageTag.init)
        }
    }

    private func location() -> SourceLocation { SourceLocation(file: path, line: parser.line) }

    public func next() throws(FormatError) -> ReadItem? {
        if !pending.isEmpty { return pending.removeFirst() }
        while let event = try parser.next() {
            switch event {
            case .start("file", let attributes):
                if !version.hasPrefix("2") {
                    fileSource = attributes.value("source-language").flatMap(LanguageTag.init)
                    fileTarget = attributes.value("target-language").flatMap(LanguageTag.init)
                }
                fileOriginal = attributes.value("original")
            case .start("trans-unit", let attributes):
                return try readUnit12(attributes)
            case .start("unit", let attributes):
                pending = try readUnit20(attributes)
                if !pending.isEmpty { return pending.removeFirst() }
            default:
                continue
            }
        }
        return nil
    }

    // MARK: XLIFF 1.2

    private func readUnit12(_ attributes: [XMLAttribute]) throws(FormatError) -> ReadItem {
        let at = location()
        var source: Segment?
        var target: Segment?
        var targetLanguage: LanguageTag?
        var state: String?
        var notes: [Note] = []
        var problem: SkipReason?
        var depth = 0
        while let event = try parser.next() {
            switch event {
            case .start("source", _) where depth == 0:
                source = try content("source", &problem)
            case .start("target", let attrs) where depth == 0:
                state = attrs.value("state")
                targetLanguage = attrs.value("xml:lang").flatMap(LanguageTag.init)
                target = try content("target", &problem)
            case .start("note", let attrs) where depth == 0:
                notes.append(Note(text: try parser.readText(of: "note"), language: attrs.value("xml:lang")))
            case .start:
                depth += 1
            case .end("trans-unit") where depth == 0:
                if attributes.value("translate") == "no" {
                    return .skip(Skip(location: at, reason: .doNotTranslate))
                }
                if attributes.value("restype") == Self.poHeaderType {
                    return .skip(Skip(location: at, reason: .fileHeader))
                }
                return makeUnit(at: at, id: attributes.value("id"), source: source, target: target,
                                targetLanguage: targetLanguage, untranslated: ["new", "needs-translation"].contains(state ?? ""),
                                notes: notes, problem: problem)
            case .end:
                depth -= 1
            case .text:
                continue
            }
        }
        throw .malformedXML(at, "the file ends inside <trans-unit>")
    }

    // MARK: XLIFF 2.0

    private func readUnit20(_ attributes: [XMLAttribute]) throws(FormatError) -> [ReadItem] {
        var items: [ReadItem] = []
        var notes: [Note] = []
        let unitID = attributes.value("id")
        var segmentIndex = 0
        while let event = try parser.next() {
            switch event {
            case .start("note", let attrs):
                notes.append(Note(text: try parser.readText(of: "note"), language: attrs.value("xml:lang")))
            case .start("segment", let attrs):
                segmentIndex += 1
                let at = location()
                var source: Segment?
                var target: Segment?
                var problem: SkipReason?
                segment: while let inner = try parser.next() {
                    switch inner {
                    case .start("source", _): source = try content("source", &problem)
                    case .start("target", _): target = try content("target", &problem)
                    case .end("segment"): break segment
                    default: continue
                    }
                }
                let id = unitID.map { segmentIndex > 1 ? "\($0)#\(attrs.value("id") ?? String(segmentIndex))" : $0 }
                items.append(makeUnit(at: at, id: id, source: source, target: target, targetLanguage: nil,
                                      untranslated: attrs.value("state") == "initial", notes: [], problem: problem))
            case .end("unit"):
                if !notes.isEmpty {
                    items = items.map { item in
                        guard case .unit(var unit, let at) = item else { return item }
                        unit.metadata.notes = notes
                        return .unit(unit, at)
                    }
                }
                return items
            default:
                continue
            }
        }
        throw .malformedXML(location(), "the file ends inside <unit>")
    }

    // MARK: Shared

    private func makeUnit(at: SourceLocation, id: String?, source: Segment?, target: Segment?, targetLanguage: LanguageTag?,
                          untranslated: Bool, notes: [Note], problem: SkipReason?) -> ReadItem {
        let context = previousSource
        if let source, !source.text.isEmpty { previousSource = source.text }
        if let problem { return .skip(Skip(location: at, reason: problem)) }
        guard let source, !source.text.isEmpty || source.markup != nil else {
            return .skip(Skip(location: at, reason: .emptySource))
        }
        guard let target, !target.text.isEmpty || target.markup != nil, !untranslated else {
            return .skip(Skip(location: at, reason: .notTranslated))
        }
        guard let src = fileSource ?? fallbackSource else {
            return .skip(Skip(location: at, reason: .unknownSourceLanguage))
        }
        guard let tgt = targetLanguage ?? fileTarget ?? fallbackTarget else {
            return .skip(Skip(location: at, reason: .unknownTargetLanguage))
        }
        var metadata = Metadata(notes: notes)
        if let id { metadata.attributes.append(XMLAttribute(name: "tuid", value: id)) }
        if let fileOriginal { metadata.properties.append(Property(type: "x-original", value: fileOriginal)) }
        var unit = TranslationUnit(variants: [Variant(language: src, segment: source), Variant(language: tgt, segment: target)],
                                   sourceLanguage: src, metadata: metadata)
        unit.context = context
        return .unit(unit, at)
    }

    private func content(_ element: String, _ problem: inout SkipReason?) throws(FormatError) -> Segment? {
        let reader = InlineContentReader(parser: parser, role: Self.inlineRole)
        switch try reader.read(closing: element) {
        case .success(let segment): return segment
        case .failure(let why):
            problem = problem ?? why.reason
            return nil
        }
    }

    /// How po2xliff (Translate Toolkit) and Okapi mark the PO header they carry as a trans-unit.
    static let poHeaderType = "x-gettext-domain-header"

    static func inlineRole(_ name: String) -> InlineContentReader.Role {
        switch name {
        case "g", "mrk", "pc": .pairedForeign
        default: .isolatedForeign
        }
    }
}
