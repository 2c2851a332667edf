import KiokuFormats

/// A minimal JSON builder for the fixed shapes of `StoredExtras`.
struct JSONText {
    private(set) var text = ""
    private var needsComma = false

    mutating func object(_ body: (inout JSONText) -> Void) {
        separate()
        text += "{"
        needsComma = false
        body(&self)
        text += "}"
        needsComma = true
    }

    mutating func array<T>(_ items: [T], _ body: (inout JSONText, T) -> Void) {
        separate()
        text += "["
        needsComma = false
        for item in items { body(&self, item) }
        text += "]"
        needsComma = true
    }

    mutating func key(_ name: String) {
        string(name)
        text += ":"
        needsComma = false
    }

    mutating func string(_ value: String) {
        separate()
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
        needsComma = true
    }

    mutating func attribute(_ attribute: XMLAttribute) {
        object { json in
            json.key("name"); json.string(attribute.name)
            json.key("value"); json.string(attribute.value)
        }
    }

    private mutating func separate() {
        if needsComma { text += "," }
    }
}
