/// An attribute of an XML start tag, its value with references resolved.
public struct XMLAttribute: Hashable, Sendable, Codable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == XMLAttribute {
    func value(_ name: String) -> String? { first { $0.name == name }?.value }

    /// Removes and returns the value of an attribute.
    mutating func take(_ name: String) -> String? {
        guard let index = firstIndex(where: { $0.name == name }) else { return nil }
        return remove(at: index).value
    }
}
