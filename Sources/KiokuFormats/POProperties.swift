/// The TMX properties a unit imported from a PO entry keeps what a unit has no place for in.
public enum POProperties {
    /// The entry's `msgctxt`.
    public static let context = "x-po-msgctxt"
    /// A plural entry's `msgid_plural` (the unit pairs `msgid` with `msgstr[0]`).
    public static let msgidPlural = "x-po-msgid-plural"
    /// A plural entry's further forms, `msgstr[1]`, `msgstr[2]`, … in order, one property each.
    public static let pluralForm = "x-po-msgstr-plural"
    /// The entry's flags other than `fuzzy` (`c-format`, …), comma-separated.
    public static let flags = "x-po-flags"
}
