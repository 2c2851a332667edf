/// A screen's verdict on a unit being imported.
public enum Screening {
    case accept
    /// Keep the unit out of the TM; the reason is listed in the report.
    case reject(String)
    /// Store the unit with the reason as its `x-kioku-flag` property (exported with it).
    case flag(String)
}
