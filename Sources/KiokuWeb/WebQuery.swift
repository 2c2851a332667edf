import Foundation

/// The fields of a URL's query or a form sent with GET (`a=1&q=Abe+and+Putin`): `+` is a
/// space, `%XX` a byte of UTF-8; a field given twice keeps its first value.
public struct WebQuery: Sendable, Hashable {
    public let fields: [String: String]

    public init(_ fields: [String: String]) { self.fields = fields }

    /// Parses the part of a URL after `?`; invalid escapes are kept as they are.
    public init(parsing query: String) {
        var fields: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            if fields[name] == nil { fields[name] = parts.count > 1 ? Self.decode(parts[1]) : "" }
        }
        self.fields = fields
    }

    public subscript(_ name: String) -> String? { fields[name] }

    /// A field with white space trimmed; nil when absent or blank.
    public func text(_ name: String) -> String? {
        guard let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    static func decode(_ part: Substring) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(part.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), utf8.count >= 2,
                      let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
