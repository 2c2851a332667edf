/// A unit a reader could not use, where it stands and why; imports count and list these.
public struct Skip: Hashable, Sendable, Encodable, CustomStringConvertible {
    public var location: SourceLocation
    public var reason: SkipReason

    public init(location: SourceLocation, reason: SkipReason) {
        self.location = location
        self.reason = reason
    }

    public var description: String { "\(location): \(reason)" }

    private enum CodingKeys: String, CodingKey { case location, reason, kind }

    /// `{"location": {"file", "line"}, "reason": "…", "kind": "…"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(location, forKey: .location)
        try container.encode(reason.description, forKey: .reason)
        try container.encode(reason.kind, forKey: .kind)
    }
}
