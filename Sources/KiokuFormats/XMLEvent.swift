/// One step through an XML document.
public enum XMLEvent: Equatable, Sendable {
    case start(name: String, attributes: [XMLAttribute])
    case end(name: String)
    /// Character data, CDATA included, with references resolved and line ends normalized.
    case text(String)
}
