/// The formats of the files a job arrives in: what `kioku analyze` and `kioku pretranslate` read and write.
public enum JobFormat: String, Sendable, Codable, CaseIterable {
    case xliff12 = "xliff-1.2"
    case xliff20 = "xliff-2.0"
    case po

    /// The name users know the format by.
    public var displayName: String {
        switch self {
        case .xliff12: "XLIFF 1.2"
        case .xliff20: "XLIFF 2.0"
        case .po: "gettext PO"
        }
    }
}
