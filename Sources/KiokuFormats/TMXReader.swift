import KiokuText

/// Reads TMX 1.1, 1.2 and 1.4b files unit by unit, without loading the file.
///
/// Accepts `xml:lang` and the older `lang`, per-unit `srclang`, multilingual units,
/// and inline codes (kept as markup, never counted as words). Units that cannot be
/// used (fewer than two non-empty variants, unbalanced codes, a variant without a
/// language) are skipped with a reason; malformed XML is an error.
public final class TMXReader: UnitReader {
    public let path: String
    /// The `version` attribute of `<tmx>`.
    public private(set) var version = ""
    /// The header's `srclang`, when it names one language.
    public private(set) var headerSourceLanguage: LanguageTag?
    /// True when the header says OmegaT wrote the file: its tag shorthand (`<b0>`) in
    /// segments is read as inline codes (see ``OmegaTTags``).
    public private(set) var writtenByOmegaT = false
    public private(set) var notices: [ReaderNotice] = []
    public var progress: ReadProgress { parser.progress }

    private let parser: XMLPullParser
    private let fallbackSource: LanguageTag?
    private var inBody = false
    private var warnedAboutSource = false

    /// - Parameter sourceLanguage: used when neither the header nor the unit names `srclang`.
    public init(path: String, sourceLanguage: LanguageTag? = nil) throws(FormatError) {
        self.path = path
        fallbackSource = sourceLanguage
        parser = try XMLPullParser(path: path)
        try readPrologue()
    }

    private func location() -> SourceLocation { SourceLocation(file: path, line: parser.line) }

    private func readPrologue() throws(FormatError) {
        guard case .start(let root, let attributes)? = try parser.next() else {
            throw .invalidStructure(location(), "not a TMX file (no root element)")
        }
        guard root == "tmx" else {
            throw .invalidStructure(location(), "not a TMX file: the root element is <\(root)>, not <tmx>")
        }
        version = attributes.value("version") ?? ""
        while let event = try parser.next() {
            switch event {
            case .start("header", let attributes):
                writtenByOmegaT = attributes.value("creationtool")?.lowercased().hasPrefix("omegat") == true
                if let src = attributes.value("srclang"), src.lowercased() != "*all*" {
                    headerSourceLanguage = LanguageTag(src)
                    if headerSourceLanguage == nil {
                        notices.append(.ignoredSourceLanguage(file: path, value: src))
                    }
                }
                try parser.skip("header")
            case .start("body", _):
                inBody = true
                return
            case .start(let name, _):
                try parser.skip(name)
            case .end, .text:
                continue
            }
        }
        throw .invalidStructure(location(), "the TMX file has no <body>")
    }

    public func next() throws(FormatError) -> ReadItem? {
        guard inBody else { return nil }
        while let event = try parser.next() {
            switch event {
            case .start("tu", let attributes):
                return try readUnit(attributes)
            case .start(let name, _):
                let at = location()
                try parser.skip(name)
                return .skip(Skip(location: at, reason: .unexpectedElement(name)))
            case .end("body"):
                inBody = false
                while try parser.next() != nil {}
                return nil
            case .end, .text:
                continue
            }
        }
        return nil
    }

    private func readUnit(_ attributes: [XMLAttribute]) throws(FormatError) -> ReadItem {
        let at = location()
        var metadata = Metadata(tmxAttributes: attributes)
        var sourceLanguage: LanguageTag?
        if let src = metadata.take("srclang"), src.lowercased() != "*all*" { sourceLanguage = LanguageTag(src) }
        var variants: [Variant] = []
        var problem: SkipReason?
        while let event = try parser.next() {
            if try readAnnotation(event, into: &metadata) { continue }
            switch event {
            case .start("tuv", let attributes):
                switch try readVariant(attributes) {
                case .success(let variant): variants.append(variant)
                case .failure(let why): problem = problem ?? why.reason
                }
            case .start(let name, _):
                try parser.skip(name)
            case .end("tu"):
                if let problem { return .skip(Skip(location: at, reason: problem)) }
                let nonEmpty = variants.filter { !$0.segment.text.isEmpty || $0.segment.markup != nil }
                guard nonEmpty.count >= 2 else {
                    return .skip(Skip(location: at, reason: variants.count < 2 ? .tooFewLanguages(variants.count) : .emptySegments))
                }
                return .unit(TranslationUnit(variants: nonEmpty, sourceLanguage: resolveSource(sourceLanguage, nonEmpty),
                                             metadata: metadata), at)
            case .end, .text:
                continue
            }
        }
        throw .malformedXML(at, "the file ends inside <tu>")
    }

    private func resolveSource(_ unitSource: LanguageTag?, _ variants: [Variant]) -> LanguageTag? {
        if let unitSource { return unitSource }
        if let headerSourceLanguage { return headerSourceLanguage }
        let chosen = fallbackSource ?? variants.first?.language
        if !warnedAboutSource, let chosen {
            warnedAboutSource = true
            notices.append(.assumedSourceLanguage(file: path, language: chosen, givenByCaller: fallbackSource != nil))
        }
        return chosen
    }

    private struct VariantProblem: Error { let reason: SkipReason }

    private func readVariant(_ attributes: [XMLAttribute]) throws(FormatError) -> Result<Variant, VariantProblem> {
        var metadata = Metadata(tmxAttributes: attributes)
        let languageText = metadata.take("xml:lang") ?? metadata.take("lang")
        var segment: Segment?
        var problem: SkipReason?
        while let event = try parser.next() {
            if try readAnnotation(event, into: &metadata) { continue }
            switch event {
            case .start("seg", _):
                let reader = InlineContentReader(parser: parser, role: Self.inlineRole)
                switch try reader.read(closing: "seg") {
                case .success(let content):
                    segment = writtenByOmegaT && content.markup == nil ? OmegaTTags.segment(from: content.text) ?? content : content
                case .failure(let why): problem = why.reason
                }
            case .start(let name, _):
                try parser.skip(name)
            case .end("tuv"):
                if let problem { return .failure(VariantProblem(reason: problem)) }
                guard let languageText else { return .failure(VariantProblem(reason: .variantWithoutLanguage)) }
                guard let language = LanguageTag(languageText) else {
                    return .failure(VariantProblem(reason: .invalidLanguageTag(languageText)))
                }
                guard let segment else { return .failure(VariantProblem(reason: .variantWithoutSegment)) }
                return .success(Variant(language: language, segment: segment, metadata: metadata))
            case .end, .text:
                continue
            }
        }
        throw .malformedXML(location(), "the file ends inside <tuv>")
    }

    static func inlineRole(_ name: String) -> InlineContentReader.Role {
        name == "hi" ? .tmxHighlight : .tmxCode
    }

    /// Reads a `<note>` or `<prop>` (of a unit or a variant) into `metadata`; false for any other event.
    private func readAnnotation(_ event: XMLEvent, into metadata: inout Metadata) throws(FormatError) -> Bool {
        switch event {
        case .start("note", let attributes): metadata.notes.append(try readNote(attributes))
        case .start("prop", let attributes): metadata.properties.append(try readProperty(attributes))
        default: return false
        }
        return true
    }

    private func readNote(_ attributes: [XMLAttribute]) throws(FormatError) -> Note {
        var rest = attributes
        let language = rest.take("xml:lang") ?? rest.take("lang")
        return Note(text: try parser.readText(of: "note"), language: language, attributes: rest)
    }

    private func readProperty(_ attributes: [XMLAttribute]) throws(FormatError) -> Property {
        var rest = attributes
        let type = rest.take("type") ?? ""
        let language = rest.take("xml:lang") ?? rest.take("lang")
        return Property(type: type, value: try parser.readText(of: "prop"), language: language, attributes: rest)
    }
}
