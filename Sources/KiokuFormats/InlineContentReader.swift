/// Reads the mixed content of a segment (TMX `<seg>`, XLIFF `<source>`/`<target>`)
/// from a parser positioned just after its start tag, up to and including its end tag.
///
/// Text outside inline codes becomes the plain text; the whole content is kept as
/// canonical TMX inline markup. Elements are mapped through `mapping`, so XLIFF's
/// `<g>`, `<x/>`, `<pc>`, … become TMX `bpt`/`ept`/`ph` carrying the original tag.
struct InlineContentReader {
    enum Role {
        /// A TMX code element (bpt, ept, ph, it, ut, sub): kept verbatim, its text is code.
        case tmxCode
        /// A TMX `<hi>`: kept verbatim, its text is translatable.
        case tmxHighlight
        /// A foreign paired element (XLIFF g, pc, mrk): becomes bpt…ept around translatable text.
        case pairedForeign
        /// A foreign code element (XLIFF x, bx, ex, ph, sc, ec, …): becomes one `<ph>` with the original XML.
        case isolatedForeign
    }

    let parser: XMLPullParser
    let role: (String) -> Role

    /// Why a segment's inline codes cannot be used; the unit is skipped with this reason.
    struct Unbalanced: Error { let reason: SkipReason }

    /// Returns the segment, or `Unbalanced` (a skip) after consuming the element.
    func read(closing element: String) throws(FormatError) -> Result<Segment, Unbalanced> {
        var content = InlineContent(role: role)
        while let event = try parser.next() {
            if content.capturing {
                content.capture(event)
                continue
            }
            switch event {
            case .text(let text):
                content.text(text)
            case .start(let name, let attributes):
                content.start(name, attributes)
            case .end(let name):
                if content.depth == 0 {
                    guard name == element else { continue }
                    return content.finished()
                }
                content.end(name)
            }
        }
        return content.finished()
    }
}

/// A segment's content as it is read: the plain text, the TMX markup, and what is open.
private struct InlineContent {
    let role: (String) -> InlineContentReader.Role
    private var plain = ""
    private var markup = ""
    private var hasTags = false
    /// Inside how many TMX codes (whose text is code, not words).
    private var codeDepth = 0
    private var openBPT: [String] = []
    private var closedEPT: [String] = []
    /// Open foreign paired elements, with the `i` their `bpt` got.
    private var foreignStack: [(index: Int, name: String)] = []
    private var nextForeignIndex = 1
    /// Open elements inside the segment.
    private(set) var depth = 0
    /// A foreign code element being copied whole into one `<ph>`: the depth it opened at, and its XML so far.
    private var captured: Capture?

    /// A foreign code element being copied: the depth it opened at, its XML so far, and
    /// whether the last thing copied was a start tag (so an empty element can close as `/>`).
    private struct Capture {
        var depth: Int
        var xml: String
        var justOpened = false
    }

    init(role: @escaping (String) -> InlineContentReader.Role) {
        self.role = role
    }

    var capturing: Bool { captured != nil }

    mutating func capture(_ event: XMLEvent) {
        guard var current = captured else { return }
        switch event {
        case .start(let name, let attributes):
            current.xml += XMLEscaping.startTag(name, attributes)
            current.justOpened = true
            depth += 1
        case .end(let name):
            depth -= 1
            if current.justOpened {  // nothing inside: written as <x/>, as files write it
                current.xml.removeLast()
                current.xml += "/>"
            } else {
                current.xml += "</\(name)>"
            }
            current.justOpened = false
        case .text(let text):
            current.xml += XMLEscaping.escape(text)
            current.justOpened = false
        }
        if depth == current.depth {
            markup += "<ph>" + XMLEscaping.escape(current.xml) + "</ph>"
            captured = nil
        } else {
            captured = current
        }
    }

    mutating func text(_ text: String) {
        if hasTags { markup += XMLEscaping.escape(text) }
        if codeDepth == 0 { plain += text }
    }

    mutating func start(_ name: String, _ attributes: [XMLAttribute]) {
        if !hasTags { markup = XMLEscaping.escape(plain) }
        hasTags = true
        switch role(name) {
        case .tmxCode:
            if name == "bpt", let i = attributes.value("i") { openBPT.append(i) }
            if name == "ept", let i = attributes.value("i") { closedEPT.append(i) }
            codeDepth += 1
            markup += XMLEscaping.startTag(name, attributes)
            depth += 1
        case .tmxHighlight:
            markup += XMLEscaping.startTag(name, attributes)
            depth += 1
        case .pairedForeign:
            let index = nextForeignIndex
            nextForeignIndex += 1
            foreignStack.append((index, name))
            markup += "<bpt i=\"\(index)\">" + XMLEscaping.escape(XMLEscaping.startTag(name, attributes)) + "</bpt>"
            depth += 1
        case .isolatedForeign:
            depth += 1
            captured = Capture(depth: depth - 1, xml: XMLEscaping.startTag(name, attributes), justOpened: true)
        }
    }

    mutating func end(_ name: String) {
        depth -= 1
        if let last = foreignStack.last, last.name == name, role(name) == .pairedForeign {
            foreignStack.removeLast()
            markup += "<ept i=\"\(last.index)\">" + XMLEscaping.escape("</\(name)>") + "</ept>"
        } else {
            if role(name) == .tmxCode { codeDepth -= 1 }
            markup += "</\(name)>"
        }
    }

    /// The segment, or why its paired codes cannot be used.
    func finished() -> Result<Segment, InlineContentReader.Unbalanced> {
        if openBPT.sorted() != closedEPT.sorted() {
            let lonely = Set(openBPT).symmetricDifference(closedEPT).sorted()
            return .failure(InlineContentReader.Unbalanced(reason: .unbalancedCodes(lonely)))
        }
        return .success(Segment(text: plain, markup: hasTags ? markup : nil))
    }
}
