/// A segment's content: the plain text that is matched and checked, and, when the
/// segment carries inline codes, the TMX inline markup that reproduces it exactly.
public struct Segment: Hashable, Sendable, Codable {
    /// The text without inline codes (text inside `<hi>` is kept; codes are not words).
    public var text: String
    /// The `<seg>` content as TMX 1.4b inline markup (escaped XML with bpt/ept/ph/it/ut/hi/sub),
    /// or nil when the segment is plain text.
    public var markup: String?

    public init(text: String, markup: String? = nil) {
        self.text = text
        self.markup = markup
    }

    /// The segment as TMX `<seg>` content, escaped.
    public var tmxContent: String { markup ?? XMLEscaping.escape(text) }
}
