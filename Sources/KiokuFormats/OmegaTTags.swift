/// OmegaT's tag shorthand — `<b0>`, `</b0>`, `<x1/>` — which its own TMX files
/// (`project_save.tmx`, `*-omegat.tmx`) carry as escaped text in `<seg>` and in `prev`/`next`
/// properties. Read as text, the tags would be words and a lookup would score 79 where the
/// same segment with real inline codes scores 100.
public enum OmegaTTags {
    /// One tag of the shorthand, where it stands in the text.
    struct Tag {
        var range: Range<String.Index>
        var name: String
        var number: String
        var closing: Bool
        var standalone: Bool
        var written: String
    }

    /// The segment with the shorthand turned into TMX inline codes: a tag and its closing tag
    /// become `<bpt>`/`<ept>`, a standalone or unpaired tag a `<ph>`; each code carries the
    /// shorthand as written. Nil when the text has no shorthand.
    public static func segment(from text: String) -> Segment? {
        let tags = self.tags(in: text)
        guard !tags.isEmpty else { return nil }
        var pairedWith: [Int: Int] = [:]  // opening tag → its closing tag
        var open: [Int] = []
        for (index, tag) in tags.enumerated() where !tag.standalone {
            if !tag.closing {
                open.append(index)
            } else if let match = open.lastIndex(where: { tags[$0].name == tag.name && tags[$0].number == tag.number }) {
                pairedWith[open[match]] = index
                open.remove(at: match)
            }
        }
        var plain = "", markup = ""
        var codeNumber: [Int: Int] = [:]  // tag → its bpt/ept `i`
        var cursor = text.startIndex
        for (index, tag) in tags.enumerated() {
            let between = String(text[cursor..<tag.range.lowerBound])
            plain += between
            markup += XMLEscaping.escape(between)
            let code = XMLEscaping.escape(tag.written)
            if let closing = pairedWith[index] {
                let i = codeNumber.count + 1
                codeNumber[index] = i
                codeNumber[closing] = i
                markup += "<bpt i=\"\(i)\" x=\"\(tag.number)\">\(code)</bpt>"
            } else if tag.closing, let i = codeNumber[index] {
                markup += "<ept i=\"\(i)\">\(code)</ept>"
            } else {
                markup += "<ph x=\"\(tag.number)\">\(code)</ph>"
            }
            cursor = tag.range.upperBound
        }
        let rest = String(text[cursor...])
        return Segment(text: plain + rest, markup: markup + XMLEscaping.escape(rest))
    }

    /// The text without any shorthand tag (for comparing contexts OmegaT recorded).
    public static func plainText(_ text: String) -> String {
        var plain = ""
        var cursor = text.startIndex
        for tag in tags(in: text) {
            plain += text[cursor..<tag.range.lowerBound]
            cursor = tag.range.upperBound
        }
        return plain + text[cursor...]
    }

    /// `<` `/`? letters digits `/`? `>`, in order.
    static func tags(in text: String) -> [Tag] {
        guard text.contains("<") else { return [] }
        var tags: [Tag] = []
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "<") {
            var cursor = text.index(after: open)
            let closing = cursor < text.endIndex && text[cursor] == "/"
            if closing { cursor = text.index(after: cursor) }
            let nameStart = cursor
            while cursor < text.endIndex, text[cursor].isASCII, text[cursor].isLetter { cursor = text.index(after: cursor) }
            let numberStart = cursor
            while cursor < text.endIndex, text[cursor].isASCII, text[cursor].isNumber { cursor = text.index(after: cursor) }
            let standalone = !closing && cursor < text.endIndex && text[cursor] == "/"
            if standalone { cursor = text.index(after: cursor) }
            if nameStart < numberStart, numberStart < cursor, cursor < text.endIndex, text[cursor] == ">" {
                let end = text.index(after: cursor)
                let number = text[numberStart..<(standalone ? text.index(before: cursor) : cursor)]
                if !number.isEmpty {
                    tags.append(Tag(range: open..<end, name: String(text[nameStart..<numberStart]), number: String(number),
                                    closing: closing, standalone: standalone, written: String(text[open..<end])))
                    index = end
                    continue
                }
            }
            index = text.index(after: open)
        }
        return tags
    }
}
