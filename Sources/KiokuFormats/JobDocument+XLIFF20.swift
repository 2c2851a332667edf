/// A filled XLIFF 2.0 `<segment>`: its `state`, its target, the candidates in the unit's
/// `<mtc:matches>` (Translation Candidates module) and notes in the unit's `<notes>`.
extension JobDocument {
    func xliff20Patches(_ fills: [Int: SegmentFill], _ places: [XLIFF20Place], _ units: [XLIFF20Unit]) -> [Patch] {
        var patches: [Patch] = []
        var matches: [Int: String] = [:]  // unit → its <mtc:match> elements
        var notes: [Int: String] = [:]
        var usedIDs = units.map(\.segmentIDs)
        for (index, fill) in fills.sorted(by: { $0.key < $1.key }) {
            let place = places[segments[index].place]
            let unit = units[place.unit]
            var segmentAttributes = place.segmentAttributes
            var id = segmentAttributes.value("id")
            if id == nil, !fill.candidates.isEmpty {
                var number = 1
                while usedIDs[place.unit].contains("s\(number)") { number += 1 }
                id = "s\(number)"
                usedIDs[place.unit].insert("s\(number)")
                segmentAttributes.append(XMLAttribute(name: "id", value: "s\(number)"))
            }
            if fill.target != nil {
                segmentAttributes.removeAll { $0.name == "state" || $0.name == "subState" }
                segmentAttributes.append(XMLAttribute(name: "state", value: fill.quality.needsReview ? "initial" : "translated"))
            }
            if segmentAttributes != place.segmentAttributes {
                patches.append(Patch(range: place.segmentTag, text: XMLEscaping.startTag("segment", segmentAttributes)))
            }
            if let target = fill.target {
                let content = XMLEscaping.startTag("target", place.targetAttributes) + Self.xml(target) + "</target>"
                if let existing = place.target {
                    patches.append(Patch(range: existing, text: content))
                } else {
                    patches.append(Patch(range: place.sourceEnd..<place.sourceEnd, text: place.indent + content))
                }
            }
            let inner = unit.indent.isEmpty ? "" : unit.indent + "  "
            for (number, candidate) in fill.candidates.enumerated() {
                var attributes = [XMLAttribute(name: "ref", value: "#" + (id ?? ""))]
                attributes.append(XMLAttribute(name: "similarity", value: String(min(candidate.score, 100))))
                if let origin = candidate.origin { attributes.append(XMLAttribute(name: "origin", value: origin)) }
                let prefix = "k\(index)m\(number + 1)c"
                let source = candidate.placed.map { Self.xml($0.source) } ?? XLIFF20InlineCodes.content(of: candidate.source, prefix: prefix + "s")
                let target = candidate.placed.map { Self.xml($0.target) } ?? XLIFF20InlineCodes.content(of: candidate.storedTarget, prefix: prefix)
                matches[place.unit, default: ""] += inner + XMLEscaping.startTag("mtc:match", attributes)
                    + "<source>" + source + "</source>"
                    + "<target>" + target + "</target></mtc:match>"
            }
            for note in fill.notes {
                notes[place.unit, default: ""] += inner + XMLEscaping.startTag("note", [
                    XMLAttribute(name: "category", value: "kioku"), XMLAttribute(name: "appliesTo", value: "target"),
                ]) + XMLEscaping.escape(note) + "</note>"
            }
        }
        for (unitIndex, elements) in matches {
            let unit = units[unitIndex]
            patches.append(Patch(range: unit.contentStart..<unit.contentStart,
                                 text: unit.indent + "<mtc:matches xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\">" + elements
                                    + unit.indent + "</mtc:matches>"))
        }
        for (unitIndex, elements) in notes {
            let unit = units[unitIndex]
            if let end = unit.notesEnd {
                patches.append(Patch(range: end..<end, text: elements))
            } else {
                patches.append(Patch(range: unit.coreStart..<unit.coreStart,
                                     text: "<notes>" + elements + unit.indent + "</notes>" + unit.indent))
            }
        }
        return patches
    }
}
