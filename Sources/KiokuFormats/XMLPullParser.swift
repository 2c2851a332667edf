/// A small, strict, streaming XML reader for the interchange formats (TMX, XLIFF, TBX).
///
/// It reads UTF-8, UTF-16 and any declared encoding in chunks, reports the line of
/// every event, and is safe on hostile input: the DOCTYPE is skipped and never
/// fetched, entities declared in it are refused rather than expanded (so neither
/// "billion laughs" nor external entities can do anything), NUL bytes and illegal
/// characters are errors, and nesting is bounded.
public final class XMLPullParser {
    public let path: String
    /// The line (1-based) where the last returned event starts.
    public private(set) var line = 1

    private let stream: UTF8Stream
    private var buffer: [UInt8] = []
    private var pos = 0
    private var linesBeforePos = 1
    private var atEnd = false
    private var stack: [(name: String, line: Int)] = []
    private var pendingEnd: String?
    private var sawRoot = false
    private var declaredEntities = false
    /// Bytes dropped from the front of `buffer` so far (offsets stay absolute).
    private var dropped = 0
    /// Where the last returned event starts and ends, as offsets into the document's UTF-8
    /// bytes (as the parser decodes them: the file itself for UTF-8 without a BOM). A self-closing
    /// tag's start event covers the whole tag and its end event is empty, at the tag's end.
    public private(set) var eventStart = 0
    public private(set) var eventEnd = 0

    /// Deeper nesting than this is refused as hostile.
    public static let maximumDepth = 256
    /// A single tag, comment or text run longer than this is refused.
    public static let maximumTokenBytes = 64 << 20

    public init(path: String) throws(FormatError) {
        self.path = path
        stream = try UTF8Stream(path: path, xml: true)
    }

    /// Bytes of the file read so far, and its size.
    public var progress: ReadProgress { stream.progress }

    /// The names of the open elements, outermost first.
    public var openElements: [String] { stack.map(\.name) }

    /// The next event, or nil at the end of a well-formed document.
    public func next() throws(FormatError) -> XMLEvent? {
        if let name = pendingEnd {
            pendingEnd = nil
            eventStart = eventEnd
            return .end(name: name)
        }
        let event = try scan()
        eventEnd = dropped + pos
        return event
    }

    private func scan() throws(FormatError) -> XMLEvent? {
        while true {
            compactIfNeeded()
            if pos >= buffer.count {
                guard try fill() else { return try finish() }
            }
            line = linesBeforePos
            eventStart = dropped + pos
            if buffer[pos] != UInt8(ascii: "<") {
                let end = try find(UInt8(ascii: "<"), from: pos) ?? buffer.count
                let text = try decodeCharacters(pos..<end, inAttribute: false)
                advance(to: end)
                if stack.isEmpty {
                    if text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
                        throw error(sawRoot ? "text after the end of the root element" : "text before the root element")
                    }
                    continue
                }
                return .text(text)
            }
            try require(pos + 2)
            switch buffer[pos + 1] {
            case UInt8(ascii: "?"):
                guard let end = try find(sequence: "?>", from: pos + 2) else { throw error("a processing instruction is not closed with ?>") }
                advance(to: end + 2)
            case UInt8(ascii: "!"):
                if let event = try markupDeclaration() { return event }
            case UInt8(ascii: "/"):
                return try endTag()
            default:
                return try startTag()
            }
        }
    }

    // MARK: - Constructs

    private func finish() throws(FormatError) -> XMLEvent? {
        if let open = stack.last {
            throw .malformedXML(SourceLocation(file: path, line: linesBeforePos),
                                "the file ends inside <\(open.name)> opened at line \(open.line) (is it truncated?)")
        }
        if !sawRoot { throw .malformedXML(SourceLocation(file: path, line: linesBeforePos), "no root element (the file is empty or not XML)") }
        return nil
    }

    private func markupDeclaration() throws(FormatError) -> XMLEvent? {
        if try hasPrefix("<!--") {
            guard let end = try find(sequence: "-->", from: pos + 4) else { throw error("a comment is not closed with -->") }
            advance(to: end + 3)
            return nil
        }
        if try hasPrefix("<![CDATA[") {
            guard !stack.isEmpty else { throw error("CDATA outside the root element") }
            guard let end = try find(sequence: "]]>", from: pos + 9) else { throw error("a CDATA section is not closed with ]]>") }
            let text = try decodeCharacters(pos + 9..<end, inAttribute: false, raw: true)
            advance(to: end + 3)
            return .text(text)
        }
        if try hasPrefix("<!DOCTYPE") {
            guard !sawRoot else { throw error("a DOCTYPE after the root element") }
            try skipDoctype()
            return nil
        }
        throw error("unexpected \"<!\" (only comments, CDATA and one DOCTYPE may start so)")
    }

    /// Skips the DOCTYPE without fetching anything; remembers whether it declares entities.
    private func skipDoctype() throws(FormatError) {
        var index = pos + 9
        var quote: UInt8 = 0
        var bracketDepth = 0
        while true {
            if index >= buffer.count {
                guard try fill() else { throw error("the DOCTYPE is not closed") }
                continue
            }
            let byte = buffer[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                bracketDepth += 1
            } else if byte == UInt8(ascii: "]") {
                bracketDepth -= 1
            } else if byte == UInt8(ascii: "<"), bracketDepth > 0, index + 8 <= buffer.count,
                      buffer[index..<index + 8].elementsEqual("<!ENTITY".utf8) {
                declaredEntities = true
            } else if byte == UInt8(ascii: ">"), bracketDepth <= 0 {
                advance(to: index + 1)
                return
            }
            index += 1
            if index - pos > Self.maximumTokenBytes { throw error("the DOCTYPE is larger than Kioku accepts") }
        }
    }

    private func endTag() throws(FormatError) -> XMLEvent {
        guard let gt = try find(UInt8(ascii: ">"), from: pos + 2) else { throw error("an end tag is not closed with >") }
        var nameEnd = gt
        while nameEnd > pos + 2, Self.isSpace(buffer[nameEnd - 1]) { nameEnd -= 1 }
        let name = try decodeName(pos + 2..<nameEnd)
        guard let open = stack.last else { throw error("</\(name)> closes nothing") }
        guard open.name == name else {
            throw error("</\(name)> does not close <\(open.name)> opened at line \(open.line)")
        }
        stack.removeLast()
        advance(to: gt + 1)
        return .end(name: name)
    }

    private func startTag() throws(FormatError) -> XMLEvent {
        guard !(sawRoot && stack.isEmpty) else { throw error("a second root element") }
        // Find the closing '>' outside quoted attribute values.
        var index = pos + 1
        var quote: UInt8 = 0
        var closed = false
        while !closed {
            if index >= buffer.count {
                guard try fill() else { throw error("a start tag is not closed with >") }
                continue
            }
            let stray: Bool = buffer.withUnsafeBufferPointer { all in
                while index < all.count {
                    let byte = all[index]
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: ">") {
                        closed = true
                        return false
                    } else if byte == UInt8(ascii: "<") {
                        return true
                    }
                    index += 1
                }
                return false
            }
            if stray { throw error("\"<\" inside a tag (a tag is not closed)") }
            if index - pos > Self.maximumTokenBytes { throw error("a start tag is larger than Kioku accepts") }
        }
        let gt = index
        let selfClosing = buffer[gt - 1] == UInt8(ascii: "/")
        let tagEnd = selfClosing ? gt - 1 : gt
        var cursor = pos + 1
        while cursor < tagEnd, !Self.isSpace(buffer[cursor]) { cursor += 1 }
        let name = try decodeName(pos + 1..<cursor)
        let attributes = try parseAttributes(cursor..<tagEnd, element: name)
        advance(to: gt + 1)
        sawRoot = true
        if selfClosing {
            pendingEnd = name
        } else {
            guard stack.count < Self.maximumDepth else { throw error("elements nested deeper than \(Self.maximumDepth) levels") }
            stack.append((name, line))
        }
        return .start(name: name, attributes: attributes)
    }

    private func parseAttributes(_ range: Range<Int>, element: String) throws(FormatError) -> [XMLAttribute] {
        var attributes: [XMLAttribute] = []
        var cursor = range.lowerBound
        while true {
            while cursor < range.upperBound, Self.isSpace(buffer[cursor]) { cursor += 1 }
            if cursor >= range.upperBound { return attributes }
            let nameStart = cursor
            while cursor < range.upperBound, !Self.isSpace(buffer[cursor]), buffer[cursor] != UInt8(ascii: "=") { cursor += 1 }
            let name = try decodeName(nameStart..<cursor)
            while cursor < range.upperBound, Self.isSpace(buffer[cursor]) { cursor += 1 }
            guard cursor < range.upperBound, buffer[cursor] == UInt8(ascii: "=") else {
                throw error("attribute \"\(name)\" of <\(element)> has no value")
            }
            cursor += 1
            while cursor < range.upperBound, Self.isSpace(buffer[cursor]) { cursor += 1 }
            guard cursor < range.upperBound, buffer[cursor] == UInt8(ascii: "\"") || buffer[cursor] == UInt8(ascii: "'") else {
                throw error("the value of attribute \"\(name)\" of <\(element)> is not quoted")
            }
            let quote = buffer[cursor]
            let valueStart = cursor + 1
            cursor = valueStart
            while cursor < range.upperBound, buffer[cursor] != quote { cursor += 1 }
            guard cursor < range.upperBound else { throw error("the value of attribute \"\(name)\" is not closed") }
            if buffer[valueStart..<cursor].contains(UInt8(ascii: "<")) {
                throw error("\"<\" in the value of attribute \"\(name)\" (write &lt;)")
            }
            let value = try decodeCharacters(valueStart..<cursor, inAttribute: true)
            cursor += 1
            if attributes.contains(where: { $0.name == name }) {
                throw error("attribute \"\(name)\" appears twice in <\(element)>")
            }
            attributes.append(XMLAttribute(name: name, value: value))
        }
    }

    // MARK: - Characters

    private func decodeName(_ range: Range<Int>) throws(FormatError) -> String {
        guard let first = range.first.map({ buffer[$0] }),
              !(first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")),
              first != UInt8(ascii: "-"), first != UInt8(ascii: "."), !Self.isSpace(first)
        else { throw error("expected an element or attribute name") }
        // ASCII in a name: letters, digits and . - _ : only (XML's NameChar); other scripts pass.
        for index in range where buffer[index] < 0x80 && !Self.isASCIINameCharacter(buffer[index]) {
            let byte = buffer[index]
            throw error(byte < 0x20 || byte == 0x7F
                ? "control character U+\(String(byte, radix: 16, uppercase: true)) in an element or attribute name"
                : "\"\(Character(Unicode.Scalar(byte)))\" in an element or attribute name")
        }
        let decoded = buffer.withUnsafeBufferPointer { all in
            String(validating: UnsafeBufferPointer(rebasing: all[range]), as: UTF8.self)
        }
        guard let name = decoded else {
            throw .badEncoding(SourceLocation(file: path, line: line), "an element name is not valid UTF-8")
        }
        return name
    }

    /// Decodes text or an attribute value: validates UTF-8 and XML characters,
    /// resolves the five predefined entities and character references, normalizes line ends.
    private func decodeCharacters(_ range: Range<Int>, inAttribute: Bool, raw: Bool = false) throws(FormatError) -> String {
        let scan: (needsWork: Bool, badByte: Int?) = buffer.withUnsafeBufferPointer { all in
            var needsWork = false
            for index in range {
                let byte = all[index]
                if byte < 0x20 {
                    if !inAttribute, byte == 0x0A || byte == 0x09 { continue }
                    if byte == 0x0D || byte == 0x09 || byte == 0x0A { needsWork = true; continue }
                    return (needsWork, index)
                }
                if byte == UInt8(ascii: "&"), !raw { needsWork = true }
            }
            return (needsWork, nil)
        }
        if let bad = scan.badByte {
            let byte = buffer[bad]
            let lineHere = line + newlineCount(range.lowerBound..<bad)
            throw .malformedXML(SourceLocation(file: path, line: lineHere),
                                byte == 0 ? "a NUL byte (is this a binary or a UTF-16 file without a BOM?)"
                                          : "control character U+\(String(byte, radix: 16, uppercase: true)) is not allowed in XML")
        }
        if !scan.needsWork {
            let text = buffer.withUnsafeBufferPointer { all in
                String(validating: UnsafeBufferPointer(rebasing: all[range]), as: UTF8.self)
            }
            guard let text else { throw invalidUTF8(range) }
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = buffer[index]
            if byte == 0x0D {
                out.append(inAttribute ? 0x20 : 0x0A)
                index += 1
                if index < range.upperBound, buffer[index] == 0x0A { index += 1 }
                continue
            }
            if inAttribute, byte == 0x09 || byte == 0x0A {
                out.append(0x20); index += 1; continue
            }
            if byte == UInt8(ascii: "&"), !raw {
                guard let semicolon = buffer[index..<range.upperBound].firstIndex(of: UInt8(ascii: ";")),
                      semicolon - index <= 32
                else { throw error("a bare \"&\" (write &amp;)") }
                try appendReference(buffer[index + 1..<semicolon], to: &out)
                index = semicolon + 1
                continue
            }
            out.append(byte)
            index += 1
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw invalidUTF8(range) }
        return text
    }

    private func appendReference(_ body: ArraySlice<UInt8>, to out: inout [UInt8]) throws(FormatError) {
        let name = String(decoding: body, as: UTF8.self)
        switch name {
        case "lt": out.append(UInt8(ascii: "<"))
        case "gt": out.append(UInt8(ascii: ">"))
        case "amp": out.append(UInt8(ascii: "&"))
        case "quot": out.append(UInt8(ascii: "\""))
        case "apos": out.append(UInt8(ascii: "'"))
        default:
            guard name.hasPrefix("#") else {
                throw error(declaredEntities
                    ? "entity &\(name); is declared in the DOCTYPE; Kioku never expands DOCTYPE entities (they can hide XML bombs and file or network fetches)"
                    : "undefined entity &\(name); (only &lt; &gt; &amp; &quot; &apos; and character references exist without a DTD)")
            }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, Self.isXMLCharacter(value), let scalar = Unicode.Scalar(value) else {
                throw error("&\(name); is not a legal XML character")
            }
            out.append(contentsOf: String(Character(scalar)).utf8)
        }
    }

    static func isXMLCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private func invalidUTF8(_ range: Range<Int>) -> FormatError {
        .badEncoding(SourceLocation(file: path, line: line),
                     "the text is not valid \(stream.encoding == "UTF-8" ? "UTF-8" : "text"); the file's encoding is wrong or undeclared")
    }

    // MARK: - Buffer

    private static func isASCIINameCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func error(_ message: String) -> FormatError {
        .malformedXML(SourceLocation(file: path, line: line), message)
    }

    private func fill() throws(FormatError) -> Bool {
        if atEnd { return false }
        let more = try stream.read(into: &buffer, linesSoFar: self.linesBeforePos)
        if !more { atEnd = true }
        return more
    }

    private func require(_ count: Int) throws(FormatError) {
        while buffer.count < count {
            guard try fill() else { throw error("the file ends inside a tag (is it truncated?)") }
        }
    }

    private func hasPrefix(_ text: StaticString) throws(FormatError) -> Bool {
        let count = text.utf8CodeUnitCount
        while buffer.count < pos + count, try fill() {}
        guard buffer.count >= pos + count else { return false }
        return text.withUTF8Buffer { buffer[pos..<pos + count].elementsEqual($0) }
    }

    private func find(_ byte: UInt8, from start: Int) throws(FormatError) -> Int? {
        var index = start
        while true {
            if let found = LineReader.index(of: byte, in: buffer, from: index) { return found }
            index = buffer.count
            if index - pos > Self.maximumTokenBytes { throw error("a text run or tag is larger than Kioku accepts") }
            guard try fill() else { return nil }
        }
    }

    private func find(sequence: StaticString, from start: Int) throws(FormatError) -> Int? {
        let count = sequence.utf8CodeUnitCount
        let first = sequence.utf8Start.pointee
        var index = start
        while true {
            guard let candidate = try find(first, from: index) else { return nil }
            while buffer.count < candidate + count, try fill() {}
            guard buffer.count >= candidate + count else { return nil }
            if sequence.withUTF8Buffer({ buffer[candidate..<candidate + count].elementsEqual($0) }) { return candidate }
            index = candidate + 1
        }
    }

    private func advance(to newPos: Int) {
        linesBeforePos += newlineCount(pos..<newPos)
        pos = newPos
    }

    private func newlineCount(_ range: Range<Int>) -> Int {
        var count = 0
        var from = range.lowerBound
        while let newline = LineReader.index(of: 0x0A, in: buffer, from: from, to: range.upperBound) {
            count += 1
            from = newline + 1
        }
        return count
    }

    private func compactIfNeeded() {
        if pos > 1 << 20 {
            buffer.removeSubrange(0..<pos)
            dropped += pos
            pos = 0
        }
    }
}
