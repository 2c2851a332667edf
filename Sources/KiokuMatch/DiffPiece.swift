/// A run of the diff between the query and a TM source.
public struct DiffPiece: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable {
        /// In both.
        case equal
        /// In the TM source only (the query lacks it).
        case removed
        /// In the query only (the TM source lacks it).
        case added
    }

    public var kind: Kind
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}
