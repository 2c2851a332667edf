/// One piece of a segment's content: text, or an inline code (a tag the translator keeps
/// but does not translate).
public enum InlinePiece: Hashable, Sendable {
    case text(String)
    case code(InlineCode)
}

extension Array where Element == InlinePiece {
    /// The text pieces alone, joined: what a glossary check or a PO file sees of a target.
    public var plainText: String {
        map { if case .text(let text) = $0 { text } else { "" } }.joined()
    }
}
