import KiokuFormats

/// A minimal JSON builder for the fixed shapes of `StoredExtras` (and the PostgreSQL store's
/// batches of rows).
package struct JSONText {
    package private(set) var text = ""
    private var needsComma = false

    package init() {}

    package mutating func object(_ body: (inout JSONText) -> Void) {
        separate()
        text += "{"
        needsComma = false
        body(&self)
        text += "}"
        needsComma = true
    }

    package mutating func array<T>(_ items: [T], _ body: (inout JSONText, T) -> Void) {
        separate()
        text += "["
        needsComma = false
        for item in items { body(&self, item) }
        text += "]"
        needsComma = true
    }

    package mutating func key(_ name: String) {
        string(name)
        text += ":"
        needsComma = false
    }

    package mutating func string(_ value: String) {
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

    package mutating func attribute(_ attribute: XMLAttribute) {
        object { json in
            json.key("name"); json.string(attribute.name)
            json.key("value"); json.string(attribute.value)
        }
    }

    package mutating func number(_ value: Int64) {
        separate()
        text += String(value)
        needsComma = true
    }

    /// A string, or `null` for nil.
    package mutating func string(_ value: String?) {
        guard let value else {
            separate()
            text += "null"
            needsComma = true
            return
        }
        string(value)
    }

    private mutating func separate() {
        if needsComma { text += "," }
    }
}
