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

    /// A start tag with its attributes, e.g. `<bpt i="1" x="1">`.
    static func startTag(_ name: String, _ attributes: [XMLAttribute], empty: Bool = false) -> String {
        var out = "<" + name
        for attribute in attributes {
            out += " \(attribute.name)=\"\(escape(attribute.value, attribute: true))\""
        }
        return out + (empty ? "/>" : ">")
    }
}
