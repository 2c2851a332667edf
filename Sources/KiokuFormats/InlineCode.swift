/// An inline code as the TM holds it (a TMX `bpt`, `ept`, `ph`, `it`, `ut` or `hi`).
public struct InlineCode: Hashable, Sendable {
    /// Which side of a pair the code is, or neither.
    public enum Role: Hashable, Sendable {
        case opening, closing, isolated
    }

    public var role: Role
    /// The TMX element (`bpt`, `ept`, `ph`, `it`, `ut`, `hi`).
    public var element: String
    /// What ties an opening code to its closing one (TMX `i`), if anything.
    public var pair: String?
    /// TMX `x`: what ties a code in the source to the same code in the target, if given.
    public var x: String?
    /// The code element as TMX markup (escaped, as stored).
    public var markup: String
    /// The native code the element carries, unescaped: for a code Kioku read from XLIFF, the
    /// original XLIFF tag (`<g id="1">`, `</g>`, `<x id="2"/>`).
    public var native: String
}
