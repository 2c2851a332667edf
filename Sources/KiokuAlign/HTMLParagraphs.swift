/// HTML to paragraphs: the text of block elements, one paragraph each, with entities decoded
/// and whitespace collapsed; `script`, `style`, `head`, `template`, `noscript`, `svg` ignored.
/// A tolerant tokenizer, not a validator: real pages are rarely well-formed.
enum HTMLParagraphs {
    static let blocks: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "tr", "blockquote", "pre",
        "section", "article", "header", "footer", "aside", "main", "nav", "figure", "figcaption", "caption",
        "table", "ul", "ol", "dl", "br", "hr", "body", "html", "address", "details", "summary", "form",
    ]
    static let ignored: Set<String> = ["script", "style", "head", "template", "noscript", "svg", "math", "iframe", "object"]

    static func split(_ html: String) -> [String] {
        var paragraphs: [String] = []
        var current = ""
        var skipping: String?
        func flush() {
            let collapsed = collapse(current)
            if !collapsed.isEmpty { paragraphs.append(collapsed) }
            current = ""
        }
        let scalars = Array(html.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "<" else {
                if skipping == nil { current.unicodeScalars.append(scalar) }
                index += 1
                continue
            }
            if starts(scalars, at: index, with: "<!--") {
                index = find(scalars, "-->", from: index + 4).map { $0 + 3 } ?? scalars.count
                continue
            }
            guard let close = find(scalars, ">", from: index + 1) else {
                // No tag closes after this point: the rest is text (one pass, not one per "<").
                if skipping == nil { current.unicodeScalars.append(contentsOf: scalars[index...]) }
                break
            }
            let (name, isEnd) = tagName(scalars[(index + 1)..<close])
            index = close + 1
            if let skipped = skipping {
                if isEnd && name == skipped { skipping = nil }
                continue
            }
            if !isEnd && ignored.contains(name) && scalars[close - 1] != "/" { skipping = name; continue }
            if blocks.contains(name) { flush() }
        }
        flush()
        return paragraphs.map(HTMLEntities.decode).map(collapse).filter { !$0.isEmpty }
    }

    private static func tagName(_ tag: ArraySlice<Unicode.Scalar>) -> (String, Bool) {
        var body = tag[...]
        let isEnd = body.first == "/"
        if isEnd { body = body.dropFirst() }
        var name = String.UnicodeScalarView()
        name.append(contentsOf: body.prefix(while: { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == ":" || $0 == "-" }))
        return (String(name).lowercased(), isEnd)
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace && $0 != "\u{00A0}" }).joined(separator: " ")
    }

    private static func starts(_ scalars: [Unicode.Scalar], at index: Int, with prefix: String) -> Bool {
        let wanted = prefix.unicodeScalars
        return index + wanted.count <= scalars.count && scalars[index..<(index + wanted.count)].elementsEqual(wanted)
    }

    private static func find(_ scalars: [Unicode.Scalar], _ needle: String, from start: Int) -> Int? {
        let wanted = needle.unicodeScalars
        var index = start
        while index + wanted.count <= scalars.count {
            if scalars[index] == wanted.first!, scalars[index..<(index + wanted.count)].elementsEqual(wanted) { return index }
            index += 1
        }
        return nil
    }
}
