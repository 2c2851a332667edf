/// A note attached to a unit or a variant.
public struct Note: Hashable, Sendable, Codable {
    public var text: String
    public var language: String?
    public var attributes: [XMLAttribute]

    public init(text: String, language: String? = nil, attributes: [XMLAttribute] = []) {
        self.text = text
        self.language = language
        self.attributes = attributes
    }
}
