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

    /// Returns the segment, or throws `Unbalanced` (a skip) after consuming the element.
    func read(closing element: String) throws(FormatError) -> Result<Segment, Unbalanced> {
        var plain = ""
        var markup = ""
        var hasTags = false
        var codeDepth = 0
        var openBPT: [String] = []
        var closedEPT: [String] = []
        var foreignStack: [(index: Int, name: String)] = []
        var nextForeignIndex = 1
        var depth = 0
        var capture: (depth: Int, xml: String)?

        while let event = try parser.next() {
            if var current = capture {
                switch event {
                case .start(let name, let attributes):
                    current.xml += XMLEscaping.startTag(name, attributes); depth += 1
                case .end(let name):
                    depth -= 1
                    current.xml += "</\(name)>"
                case .text(let text):
                    current.xml += XMLEscaping.escape(text)
                }
                if depth == current.depth {
                    markup += "<ph>" + XMLEscaping.escape(current.xml) + "</ph>"
                    capture = nil
                } else {
                    capture = current
                }
                continue
            }
            switch event {
            case .text(let text):
                if hasTags { markup += XMLEscaping.escape(text) }
                if codeDepth == 0 { plain += text }
            case .start(let name, let attributes):
                if !hasTags { markup = XMLEscaping.escape(plain) }
                hasTags = true
                switch role(name) {
                case .tmxCode:
                    if name == "bpt", let i = attributes.first(where: { $0.name == "i" })?.value { openBPT.append(i) }
                    if name == "ept", let i = attributes.first(where: { $0.name == "i" })?.value { closedEPT.append(i) }
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
                    capture = (depth - 1, XMLEscaping.startTag(name, attributes))
                }
            case .end(let name):
                if depth == 0 {
                    guard name == element else { continue }
                    let sortedOpen = openBPT.sorted(), sortedClosed = closedEPT.sorted()
                    if sortedOpen != sortedClosed {
                        let lonely = Set(openBPT).symmetricDifference(closedEPT).sorted()
                        return .failure(Unbalanced(reason: .unbalancedCodes(lonely)))
                    }
                    return .success(Segment(text: plain, markup: hasTags ? markup : nil))
                }
                depth -= 1
                if let last = foreignStack.last, last.name == name, role(name) == .pairedForeign {
                    foreignStack.removeLast()
                    markup += "<ept i=\"\(last.index)\">" + XMLEscaping.escape("</\(name)>") + "</ept>"
                } else {
                    if role(name) == .tmxCode { codeDepth -= 1 }
                    markup += "</\(name)>"
                }
            }
        }
        return .success(Segment(text: plain, markup: hasTags ? markup : nil))
    }
}
