/// A range of characters in a concordance hit.
public struct ConcordanceRange: Sendable, Codable, Hashable {
    public var start: Int
    public var length: Int
}
