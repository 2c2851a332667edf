/// A sentence of one side of an alignment: its text (a verbatim piece of its paragraph) and
/// the paragraph it belongs to.
public struct AlignSentence: Sendable, Hashable, Codable {
    /// The paragraph's index in the document (0-based).
    public var paragraph: Int
    public var text: String

    public init(paragraph: Int, text: String) {
        self.paragraph = paragraph
        self.text = text
    }
}
