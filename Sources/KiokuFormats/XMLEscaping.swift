/// Escaping for XML text and attribute values.
public enum XMLEscaping {
    /// Escapes `&`, `<` and `>` (and quotes when `attribute` is true).
    public static func escape(_ text: String, attribute: Bool = false) -> String {
        var copy = text
        let clean = copy.withUTF8 { bytes in
            !bytes.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x0D || (attribute && ($0 == 0x22 || $0 < 0x20)) }
        }
        if clean { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Resolves the five predefined entities and character references (`&#10;`, `&#x41;`) in
    /// text Kioku wrote with ``escape(_:attribute:)``; anything else is left as it is.
    public static func unescape(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].prefix(12).firstIndex(of: ";") else {
                out += rest[amp...]
                return out
            }
            let entity = rest[rest.index(after: amp)..<semicolon]
            if let character = character(entity) {
                out.unicodeScalars.append(character)
            } else {
                out += rest[amp...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }

    private static func character(_ entity: Substring) -> Unicode.Scalar? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard entity.hasPrefix("#") else { return nil }
            let digits = entity.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init)
        }
    }

    /// A start tag with its attributes, e.g. `<bpt i="1" x="1">`.
    static func startTag(_ name: String, _ attributes: [XMLAttribute], empty: Bool = false) -> String {
        var out = "<" + name
        for attribute in attributes {
            out += " \(attribute.name)=\"\(escape(attribute.value, attribute: true))\""
        }
        return out + (empty ? "/>" : ">")
    }

    /// `name a="1" b="2"` → the name and the attributes, unescaped.
    static func parseTag(_ tag: Substring) -> (String, [String: String]) {
        let name = tag.prefix { !$0.isWhitespace }
        var attributes: [String: String] = [:]
        var rest = tag[name.endIndex...]
        while let equals = rest.firstIndex(of: "=") {
            let key = String(rest[..<equals].filter { !$0.isWhitespace })
            guard let open = rest[equals...].firstIndex(where: { $0 == "\"" || $0 == "'" }) else { break }
            let valueStart = rest.index(after: open)
            guard let close = rest[valueStart...].firstIndex(of: rest[open]) else { break }
            attributes[key] = XMLEscaping.unescape(rest[valueStart..<close])
            rest = rest[rest.index(after: close)...]
        }
        return (String(name), attributes)
    }
}
