/// TMX inline markup, as Kioku stores it, rewritten as XLIFF 1.2 inline elements for
/// ``XLIFFWriter``: a `<bpt>`/`<ept>` pair shares one `id` (TMX's `x` when the file gave one, so
/// a code keeps its id in source and target); `<ph>` and `<ut>` become `<ph>`; `<it>` keeps its
/// side as `pos="open"`/`"close"`; `<hi>` becomes `<mrk mtype="x-hi">` (its text stays text);
/// `<sub>` stays. The native code inside a code element is kept as escaped text.
enum XLIFFInlineCodes {
    /// The XLIFF 1.2 content of `segment`'s `<source>` or `<target>`.
    static func content(of segment: Segment) -> String {
        guard let markup = segment.markup else { return XMLEscaping.escape(segment.text) }
        var writer = Rewriter()
        return writer.rewrite(markup)
    }

    /// The TMX `type` as an XLIFF 1.2 `ctype`: the names both standards share, else `x-` + type.
    static func ctype(_ type: String?, shared: Set<String>) -> [XMLAttribute] {
        guard let type, !type.isEmpty else { return [] }
        let value = type == "ulined" ? "underlined" : type
        if shared.contains(value) { return [XMLAttribute(name: "ctype", value: value)] }
        let token = String(value.map { $0.isWhitespace ? "-" : $0 })
        return [XMLAttribute(name: "ctype", value: "x-" + token)]
    }

    static let pairedTypes: Set<String> = ["bold", "italic", "underlined", "link"]
    static let placeholderTypes: Set<String> = ["image", "pb", "lb"]

    /// One segment's rewrite: the ids given so far and the elements still open.
    private struct Rewriter {
        var output = ""
        var open: [String] = []
        var pairIDs: [String: String] = [:]  // TMX `i` → the XLIFF id of its pair
        var used: Set<String> = []
        var nextNumber = 1

        mutating func rewrite(_ markup: String) -> String {
            var rest = markup[...]
            while let lt = rest.firstIndex(of: "<"), let gt = rest[lt...].firstIndex(of: ">") {
                output += rest[..<lt]
                tag(rest[rest.index(after: lt)..<gt])
                rest = rest[rest.index(after: gt)...]
            }
            output += rest
            while let name = open.popLast() { output += "</\(name)>" }
            return output
        }

        /// The tag between `<` and `>` (Kioku's markup never has `>` inside attribute values).
        mutating func tag(_ tag: Substring) {
            if tag.hasPrefix("/") {
                if let name = open.popLast() { output += "</\(name)>" }
                return
            }
            let empty = tag.hasSuffix("/")
            let (name, attributes) = XMLEscaping.parseTag(empty ? tag.dropLast() : tag)
            let type = attributes["type"]
            let element: (name: String, attributes: [XMLAttribute])
            switch name {
            case "bpt":
                let id = freshID(preferring: attributes["x"])
                if let i = attributes["i"] { pairIDs[i] = id }
                element = ("bpt", [XMLAttribute(name: "id", value: id)] + ctype(type, shared: pairedTypes))
            case "ept":
                let id = attributes["i"].flatMap { pairIDs[$0] } ?? freshID(preferring: nil)
                element = ("ept", [XMLAttribute(name: "id", value: id)])
            case "it":
                element = ("it", [XMLAttribute(name: "id", value: freshID(preferring: attributes["x"])),
                                  XMLAttribute(name: "pos", value: attributes["pos"] == "end" ? "close" : "open")]
                           + ctype(type, shared: pairedTypes))
            case "hi":
                element = ("mrk", [XMLAttribute(name: "mtype", value: "x-hi")])
            case "sub":
                element = ("sub", [])
            default:  // ph, ut (and any other code): a placeholder
                element = ("ph", [XMLAttribute(name: "id", value: freshID(preferring: attributes["x"]))]
                           + ctype(type, shared: placeholderTypes))
            }
            output += XMLEscaping.startTag(element.name, element.attributes, empty: empty)
            if !empty { open.append(element.name) }
        }

        mutating func freshID(preferring preferred: String?) -> String {
            if let preferred, !preferred.isEmpty, used.insert(preferred).inserted { return preferred }
            while used.contains(String(nextNumber)) { nextNumber += 1 }
            let id = String(nextNumber)
            used.insert(id)
            return id
        }
    }
}
