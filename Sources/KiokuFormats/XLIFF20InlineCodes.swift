/// A TM segment's inline codes as XLIFF 2.0 elements, for candidates whose codes could not be
/// put onto the job's: a paired code becomes `<sc/>`…`<ec/>`, any other code `<ph/>`, all with
/// ids under `prefix` so they cannot clash with the unit's own; a `<hi>` keeps only its text.
enum XLIFF20InlineCodes {
    static func content(of segment: Segment, prefix: String) -> String {
        var out = ""
        var number = 0
        var started: [String: String] = [:]  // TMX i → the sc id
        for piece in segment.pieces {
            switch piece {
            case .text(let text):
                out += XMLEscaping.escape(text)
            case .code(let code) where code.element == "hi":
                continue
            case .code(let code):
                number += 1
                let id = "\(prefix)\(number)"
                switch code.role {
                case .opening:
                    if let pair = code.pair { started[pair] = id }
                    out += XMLEscaping.startTag("sc", [XMLAttribute(name: "id", value: id)], empty: true)
                case .closing:
                    if let pair = code.pair, let start = started.removeValue(forKey: pair) {
                        out += XMLEscaping.startTag("ec", [XMLAttribute(name: "startRef", value: start)], empty: true)
                    } else {
                        out += XMLEscaping.startTag("ec", [XMLAttribute(name: "id", value: id), XMLAttribute(name: "isolated", value: "yes")], empty: true)
                    }
                case .isolated:
                    out += XMLEscaping.startTag("ph", [XMLAttribute(name: "id", value: id)], empty: true)
                }
            }
        }
        return out
    }
}
