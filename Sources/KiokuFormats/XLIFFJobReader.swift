import KiokuText

/// Where a pre-translation writes into one XLIFF 1.2 `<trans-unit>`.
struct XLIFF12Place: Sendable {
    /// Just after `</source>` (or `</seg-source>`): where a new `<target>` goes.
    var sourceEnd: Int
    /// The whole `<target>` element, when the unit has one.
    var target: Range<Int>?
    var targetAttributes: [XMLAttribute]
    /// A line break and the whitespace before `<source>`, so inserted elements line up with it
    /// (empty when the file writes the unit on one line).
    var indent: String
}

/// Where a pre-translation writes into one XLIFF 2.0 `<segment>`.
struct XLIFF20Place: Sendable {
    var unit: Int
    /// The `<segment>` start tag, rewritten to set `state` (and an `id` candidates can refer to).
    var segmentTag: Range<Int>
    var segmentAttributes: [XMLAttribute]
    var sourceEnd: Int
    var target: Range<Int>?
    var targetAttributes: [XMLAttribute]
    var indent: String
}

/// Where a pre-translation writes into one XLIFF 2.0 `<unit>`.
struct XLIFF20Unit: Sendable {
    /// Just after the `<unit>` start tag: where `<mtc:matches>` goes (modules come first).
    var contentStart: Int
    /// Before the unit's first core child (`notes`, `originalData`, `segment`, `ignorable`):
    /// where a new `<notes>` goes.
    var coreStart: Int
    /// After the last note (before the white space ahead of `</notes>`), when the unit has notes already.
    var notesEnd: Int?
    var indent: String
    /// The ids the unit's segments have (ids are unique in a unit).
    var segmentIDs: Set<String>
}

/// Reads an XLIFF 1.2 or 2.0 file into a ``JobDocument``, remembering the byte offsets
/// where a filled target, candidates and notes will go.
struct XLIFFJobReader {
    let path: String
    let parser: XMLPullParser
    let fallbackSource: LanguageTag?
    let fallbackTarget: LanguageTag?
    private var bytes: [UInt8] = []
    private var segments: [JobSegment] = []
    private var places12: [XLIFF12Place] = []
    private var places20: [XLIFF20Place] = []
    private var units20: [XLIFF20Unit] = []
    private var version = ""
    private var source: LanguageTag?
    private var target: LanguageTag?
    private var previousSource: String?
    /// Open `<group translate="no">` elements.
    private var untranslatableDepth = 0

    init(path: String, sourceLanguage: LanguageTag?, targetLanguage: LanguageTag?) throws(FormatError) {
        self.path = path
        parser = try XMLPullParser(path: path)
        fallbackSource = sourceLanguage
        fallbackTarget = targetLanguage
    }

    private func location() -> SourceLocation { SourceLocation(file: path, line: parser.line) }

    consuming func read() throws(FormatError) -> JobDocument {
        let content = try UTF8Stream.readAll(path: path, xml: true)
        bytes = content.bytes
        guard case .start("xliff", let attributes)? = try parser.next() else {
            throw .invalidStructure(location(), "not an XLIFF file (the root element is not <xliff>)")
        }
        version = attributes.value("version") ?? ""
        let isVersion2 = version.hasPrefix("2")
        guard isVersion2 || version.hasPrefix("1") else {
            throw .invalidStructure(location(), "XLIFF version \"\(version)\" is not one Kioku reads (1.2 or 2.0)")
        }
        if isVersion2 {
            source = try language(attributes.value("srcLang"), "srcLang")
            target = try language(attributes.value("trgLang"), "trgLang")
        }
        var groups: [Bool] = []
        while let event = try parser.next() {
            switch event {
            case .start("file", let attributes) where !isVersion2:
                let fileSource = try language(attributes.value("source-language"), "source-language")
                let fileTarget = try language(attributes.value("target-language"), "target-language")
                if let known = source, let fileSource, known != fileSource { throw mixedLanguages("source", known, fileSource) }
                if let known = target, let fileTarget, known != fileTarget { throw mixedLanguages("target", known, fileTarget) }
                source = source ?? fileSource
                target = target ?? fileTarget
            case .start("group", let attributes):
                let no = attributes.value("translate") == "no"
                groups.append(no)
                if no { untranslatableDepth += 1 }
            case .end("group"):
                if groups.popLast() == true { untranslatableDepth -= 1 }
            case .start("trans-unit", let attributes) where !isVersion2:
                try readTransUnit(attributes)
            case .start("unit", let attributes) where isVersion2:
                try readUnit(attributes)
            default:
                continue
            }
        }
        let places: JobDocument.Places = isVersion2 ? .xliff20(places20, units: units20) : .xliff12(places12)
        return JobDocument(path: path, format: isVersion2 ? .xliff20 : .xliff12, sourceLanguage: source ?? fallbackSource,
                           targetLanguage: target ?? fallbackTarget, segments: segments, bytes: bytes,
                           decoded: content.encoding != "UTF-8", places: places)
    }

    private func language(_ value: String?, _ attribute: String) throws(FormatError) -> LanguageTag? {
        guard let value, !value.isEmpty else { return nil }
        guard let tag = LanguageTag(value) else {
            throw .invalidStructure(location(), "\(attribute)=\"\(value)\" is not a language tag")
        }
        return tag
    }

    private func mixedLanguages(_ side: String, _ first: LanguageTag, _ other: LanguageTag) -> FormatError {
        .invalidStructure(location(), "this <file> has \(side) language \(other.identifier), an earlier one \(first.identifier); "
            + "a job file must have one language pair (split it into one file per pair)")
    }

    /// A line break and the spaces and tabs before `offset` on its line, when nothing else
    /// precedes it there; else nothing (the file keeps its elements on one line).
    private func indent(before offset: Int) -> String {
        var start = offset
        while start > 0, bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09 { start -= 1 }
        guard start == 0 || bytes[start - 1] == 0x0A else { return "" }
        return (start > 1 && bytes[start - 2] == 0x0D ? "\r\n" : "\n") + String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    private func content(_ element: String) throws(FormatError) -> Segment? {
        let reader = InlineContentReader(parser: parser, role: XLIFFReader.inlineRole)
        switch try reader.read(closing: element) {
        case .success(let segment): return segment
        case .failure(let why):
            throw .invalidStructure(location(), "<\(element)> has \(why.reason); fix its inline tags so the segment can be translated")
        }
    }

    private static func nonEmpty(_ segment: Segment?) -> Segment? {
        guard let segment, !segment.text.trimmingWhitespace().isEmpty || segment.markup != nil else { return nil }
        return segment
    }

    // MARK: XLIFF 1.2

    private mutating func readTransUnit(_ attributes: [XMLAttribute]) throws(FormatError) {
        let line = parser.line
        var sourceSegment: Segment?
        var sourceEnd: Int?
        var indent = ""
        var targetSegment: Segment?
        var targetRange: Range<Int>?
        var targetAttributes: [XMLAttribute] = []
        var depth = 0
        while let event = try parser.next() {
            switch event {
            case .start("source", _) where depth == 0:
                indent = self.indent(before: parser.eventStart)
                sourceSegment = try content("source")
                sourceEnd = parser.eventEnd
            case .start("seg-source", _) where depth == 0:
                try parser.skip("seg-source")
                sourceEnd = parser.eventEnd
            case .start("target", let attrs) where depth == 0:
                let start = parser.eventStart
                targetAttributes = attrs
                targetSegment = try content("target")
                targetRange = start..<parser.eventEnd
            case .start:
                depth += 1
            case .end("trans-unit") where depth == 0:
                guard let sourceSegment, let sourceEnd else {
                    throw .invalidStructure(SourceLocation(file: path, line: line), "a <trans-unit> without <source>")
                }
                let translatable = attributes.value("translate") != "no" && untranslatableDepth == 0
                    && attributes.value("restype") != XLIFFReader.poHeaderType
                guard translatable, Self.nonEmpty(sourceSegment) != nil else { return }
                let state = targetAttributes.value("state") ?? ""
                let target = Self.nonEmpty(targetSegment)
                places12.append(XLIFF12Place(sourceEnd: sourceEnd, target: targetRange, targetAttributes: targetAttributes, indent: indent))
                segments.append(JobSegment(
                    id: attributes.value("id") ?? String(segments.count + 1), source: sourceSegment, target: target,
                    isTranslated: target != nil && !["new", "needs-translation"].contains(state),
                    context: previousSource, line: line, pluralSource: nil, place: places12.count - 1))
                previousSource = sourceSegment.text
                return
            case .end:
                depth -= 1
            case .text:
                continue
            }
        }
        throw .malformedXML(location(), "the file ends inside <trans-unit>")
    }

    // MARK: XLIFF 2.0

    private mutating func readUnit(_ attributes: [XMLAttribute]) throws(FormatError) {
        let unitIndex = units20.count
        var unit = XLIFF20Unit(contentStart: parser.eventEnd, coreStart: parser.eventEnd, notesEnd: nil,
                               indent: "", segmentIDs: [])
        var sawCore = false
        let translatable = attributes.value("translate") != "no" && untranslatableDepth == 0
        var unitSegments: [(JobSegment, XLIFF20Place)] = []
        var ordinal = 0
        while let event = try parser.next() {
            switch event {
            case .start(let name, let attrs) where ["notes", "originalData", "segment", "ignorable"].contains(name):
                if !sawCore {
                    sawCore = true
                    unit.coreStart = parser.eventStart
                    unit.indent = indent(before: parser.eventStart)
                }
                switch name {
                case "segment":
                    ordinal += 1
                    if let id = attrs.value("id") { unit.segmentIDs.insert(id) }
                    if let found = try readSegment(attrs, unit: unitIndex, unitID: attributes.value("id"), ordinal: ordinal) {
                        unitSegments.append(found)
                    }
                case "notes":
                    try parser.skip("notes")
                    // Before the white space that precedes </notes>, so a new note lines up with the others.
                    var end = parser.eventStart  // where </notes> starts, however it is written (`</notes\n>`)
                    while end > 0, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[end - 1]) { end -= 1 }
                    unit.notesEnd = end
                default:
                    try parser.skip(name)
                }
            case .start(let name, _):
                try parser.skip(name)
            case .end("unit"):
                units20.append(unit)
                guard translatable else { return }
                for (segment, place) in unitSegments {
                    places20.append(place)
                    var segment = segment
                    segment.place = places20.count - 1
                    segment.context = previousSource
                    segments.append(segment)
                    previousSource = segment.source.text
                }
                return
            default:
                continue
            }
        }
        throw .malformedXML(location(), "the file ends inside <unit>")
    }

    private mutating func readSegment(_ attributes: [XMLAttribute], unit: Int, unitID: String?, ordinal: Int) throws(FormatError) -> (JobSegment, XLIFF20Place)? {
        let line = parser.line
        let tag = parser.eventStart..<parser.eventEnd
        var sourceSegment: Segment?
        var sourceEnd: Int?
        var indent = ""
        var targetSegment: Segment?
        var targetRange: Range<Int>?
        var targetAttributes: [XMLAttribute] = []
        while let event = try parser.next() {
            switch event {
            case .start("source", _):
                indent = self.indent(before: parser.eventStart)
                sourceSegment = try content("source")
                sourceEnd = parser.eventEnd
            case .start("target", let attrs):
                let start = parser.eventStart
                targetAttributes = attrs
                targetSegment = try content("target")
                targetRange = start..<parser.eventEnd
            case .start(let name, _):
                try parser.skip(name)
            case .end("segment"):
                guard let sourceSegment, let sourceEnd else {
                    throw .invalidStructure(SourceLocation(file: path, line: line), "a <segment> without <source>")
                }
                guard Self.nonEmpty(sourceSegment) != nil else { return nil }
                let target = Self.nonEmpty(targetSegment)
                let id = (unitID ?? String(unit + 1)) + (ordinal > 1 || attributes.value("id") != nil ? "#" + (attributes.value("id") ?? String(ordinal)) : "")
                let place = XLIFF20Place(unit: unit, segmentTag: tag, segmentAttributes: attributes, sourceEnd: sourceEnd,
                                         target: targetRange, targetAttributes: targetAttributes, indent: indent)
                let segment = JobSegment(id: id, source: sourceSegment, target: target,
                                         isTranslated: target != nil && attributes.value("state") != "initial",
                                         context: nil, line: line, pluralSource: nil, place: -1)
                return (segment, place)
            default:
                continue
            }
        }
        throw .malformedXML(location(), "the file ends inside <segment>")
    }
}
