/// The version written into exported files.
public enum KiokuVersion {
    public static let current = "0.1.0"
}
