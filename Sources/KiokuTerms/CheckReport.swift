/// What a check found, over all units.
public struct CheckReport: Sendable, Codable {
    public var unitsChecked = 0
    public var errors = 0
    public var warnings = 0
    public var findings: [Finding] = []

    public init() {}

    /// True when nothing stops the translations going out (warnings allowed).
    public var passed: Bool { errors == 0 }
}
