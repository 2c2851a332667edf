/// A filled XLIFF 1.2 `<trans-unit>`: the target with `state` and `state-qualifier`, the
/// candidates as `<alt-trans>` right after it (where the schema's order allows them), notes last.
extension JobDocument {
    func xliff12Patches(_ fills: [Int: SegmentFill], _ places: [XLIFF12Place]) -> [Patch] {
        var patches: [Patch] = []
        for (index, fill) in fills {
            let place = places[segments[index].place]
            let indent = place.indent
            var text = ""
            var range = place.target ?? place.sourceEnd..<place.sourceEnd
            if let target = fill.target {
                var attributes = place.targetAttributes.filter { !["state", "state-qualifier"].contains($0.name) }
                attributes.append(XMLAttribute(name: "state", value: fill.quality == .contextMatch ? "translated" : "needs-review-translation"))
                attributes.append(XMLAttribute(name: "state-qualifier", value: Self.stateQualifier(fill.quality)))
                text += (place.target == nil ? indent : "") + XMLEscaping.startTag("target", attributes) + Self.xml(target) + "</target>"
            } else if let existing = place.target {
                range = existing.upperBound..<existing.upperBound
            }
            for candidate in fill.candidates {
                var attributes = [XMLAttribute(name: "match-quality", value: String(candidate.score))]
                if let origin = candidate.origin { attributes.append(XMLAttribute(name: "origin", value: origin)) }
                let source = candidate.placed.map { Self.xml($0.source) } ?? XLIFFInlineCodes.content(of: candidate.source)
                let target = candidate.placed.map { Self.xml($0.target) } ?? XLIFFInlineCodes.content(of: candidate.storedTarget)
                text += indent + XMLEscaping.startTag("alt-trans", attributes)
                    + "<source>" + source + "</source>"
                    + "<target>" + target + "</target></alt-trans>"
            }
            for note in fill.notes {
                text += indent + XMLEscaping.startTag("note", [XMLAttribute(name: "from", value: "kioku"), XMLAttribute(name: "annotates", value: "target")])
                    + XMLEscaping.escape(note) + "</note>"
            }
            patches.append(Patch(range: range, text: text))
        }
        return patches
    }

    /// XLIFF 1.2's word for how a target came about (a context match is an exact match whose
    /// `state` is `translated` rather than `needs-review-translation`).
    static func stateQualifier(_ quality: SegmentFill.Quality) -> String {
        switch quality {
        case .contextMatch, .exactMatch: "exact-match"
        case .fuzzyMatch: "fuzzy-match"
        case .adapted: "leveraged-tm"
        }
    }
}
