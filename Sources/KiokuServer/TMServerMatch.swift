import NIOCore

/// One tmserver match, in the shape Weblate's and Virtaal's clients read.
struct TMServerMatch: Encodable {
    var source: String
    var target: String
    var quality: Double
    var context: String

    /// `matches` as a JSON array, written by hand: every lookup answers with one, and
    /// `JSONEncoder` cost 4% of a loaded server. The bytes are those `JSONBody` would write
    /// (keys sorted, slashes unescaped, integral qualities without a fraction).
    static func jsonArray(_ matches: [TMServerMatch]) -> ByteBuffer {
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(matches.reduce(2) { $0 + $1.source.utf8.count + $1.target.utf8.count + $1.context.utf8.count + 64 })
        for (number, match) in matches.enumerated() {
            if number > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"context":"#.utf8)
            appendString(match.context, to: &out)
            out.append(contentsOf: #","quality":"#.utf8)
            if match.quality == match.quality.rounded(), abs(match.quality) < 1e15 {
                out.append(contentsOf: String(Int(match.quality)).utf8)
            } else {
                out.append(contentsOf: "\(match.quality)".utf8)
            }
            out.append(contentsOf: #","source":"#.utf8)
            appendString(match.source, to: &out)
            out.append(contentsOf: #","target":"#.utf8)
            appendString(match.target, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return ByteBuffer(bytes: out)
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\b \t \n \f \r` or `\u00xx`.
    private static func appendString(_ text: String, to out: inout [UInt8]) {
        let hexDigits = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(byte)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x00..<0x20:
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
