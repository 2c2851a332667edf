/// The C-like quoted strings of gettext PO files: reading with every escape msgfmt accepts,
/// and writing as msgmerge does (one line per `\n`).
enum POString {
    /// Why a quoted string could not be read.
    enum Problem: Error {
        case notQuoted, unterminated, badEscape(String), trailingText
    }

    /// The value of one `"…"` on a line (after the keyword), escapes resolved. Read by scalar,
    /// not by character: a combining mark after a backslash or a quote makes one Swift character
    /// of the two, which would hide the backslash or the quote.
    static func unquote(_ text: Substring) throws(Problem) -> String {
        let scalars = text.unicodeScalars
        var index = scalars.firstIndex { $0 != " " && $0 != "\t" } ?? scalars.endIndex
        guard index < scalars.endIndex, scalars[index] == "\"" else { throw .notQuoted }
        var out = String.UnicodeScalarView()
        index = scalars.index(after: index)
        /// The scalar after `index`, if it is one of `digits` (and `index` moves onto it).
        func next(in digits: (Unicode.Scalar) -> Bool) -> Unicode.Scalar? {
            let following = scalars.index(after: index)
            guard following < scalars.endIndex, digits(scalars[following]) else { return nil }
            index = following
            return scalars[following]
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\"" {
                let rest = scalars[scalars.index(after: index)...]
                guard rest.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) else { throw .trailingText }
                return String(out)
            }
            if scalar == "\\" {
                index = scalars.index(after: index)
                guard index < scalars.endIndex else { throw .unterminated }
                let escape = scalars[index]
                switch escape {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "a": out.append("\u{07}")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "v": out.append("\u{0B}")
                case "0"..."7":
                    var digits = String(escape)
                    while digits.count < 3, let digit = next(in: { ("0"..."7").contains($0) }) { digits.unicodeScalars.append(digit) }
                    guard let value = UInt8(digits, radix: 8), value < 0x80 else { throw .badEscape("\\" + digits) }
                    out.append(Unicode.Scalar(value))
                case "x":
                    var digits = ""
                    while digits.count < 2, let digit = next(in: { $0.properties.isASCIIHexDigit }) { digits.unicodeScalars.append(digit) }
                    guard let value = UInt8(digits, radix: 16), value < 0x80 else { throw .badEscape("\\x" + digits) }
                    out.append(Unicode.Scalar(value))
                default:
                    throw .badEscape("\\" + String(escape))
                }
            } else {
                out.append(scalar)
            }
            index = scalars.index(after: index)
        }
        throw .unterminated
    }

    /// `keyword "…"` lines for `value`: one line when it has no inner line break, else an
    /// empty first string and a line per `\n`-terminated piece.
    static func lines(_ keyword: String, _ value: String, prefix: String = "") -> String {
        guard value.dropLast().contains("\n") else { return prefix + keyword + " \"" + escape(value) + "\"\n" }
        var out = prefix + keyword + " \"\"\n"
        var rest = value[...]
        while !rest.isEmpty {
            let end = rest.firstIndex(of: "\n").map { rest.index(after: $0) } ?? rest.endIndex
            out += prefix + "\"" + escape(String(rest[..<end])) + "\"\n"
            rest = rest[end...]
        }
        return out
    }

    /// The text of a quoted string: every control character escaped (other ones than `\n`,
    /// `\t`, `\r` as three octal digits, which the reader takes back), so a value never puts a raw
    /// control byte (a NUL, the line break of a `\r\n` pair) into the file. By scalar, not by
    /// character: `\r\n` is one character in Swift.
    static func escape(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let octal = String(scalar.value, radix: 8)
                out += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
