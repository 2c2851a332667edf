/// A term's standing (TBX-Basic `administrativeStatus`).
public enum TermStatus: String, Sendable, Hashable, Codable {
    case preferred, admitted, forbidden

    /// Reads TBX values (`preferredTerm-admn-sts`, `deprecatedTerm-admn-sts`, `supersededTerm-admn-sts`, …) and plain words.
    public init?(text: String) {
        let value = text.lowercased()
        if value.isEmpty || value.contains("preferred") { self = .preferred }
        else if value.contains("admitted") { self = .admitted }
        else if value.contains("deprecated") || value.contains("superseded") || value.contains("forbidden")
                    || value.contains("obsolete") || value.contains("not allowed") { self = .forbidden }
        else { return nil }
    }

    /// The TBX-Basic value.
    public var tbxValue: String {
        switch self {
        case .preferred: "preferredTerm-admn-sts"
        case .admitted: "admittedTerm-admn-sts"
        case .forbidden: "deprecatedTerm-admn-sts"
        }
    }
}
