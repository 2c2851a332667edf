/// A typed property (TMX `<prop type="…">`) attached to a unit or a variant.
public struct Property: Hashable, Sendable, Codable {
    public var type: String
    public var value: String
    public var language: String?
    public var attributes: [XMLAttribute]

    public init(type: String, value: String, language: String? = nil, attributes: [XMLAttribute] = []) {
        self.type = type
        self.value = value
        self.language = language
        self.attributes = attributes
    }
}
