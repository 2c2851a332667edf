import KiokuText

/// One entry of a gettext PO file, as read, with the bytes it came from.
struct POEntry: Sendable, Hashable {
    /// Comment lines as written (`# …`, `#. …`, `#: …`, `#, …`, `#| …`), in file order.
    var comments: [String]
    var msgctxt: String?
    var msgid: String
    var msgidPlural: String?
    /// One string, or one per plural form (`msgstr[0]`, `msgstr[1]`, …).
    var msgstr: [String]
    /// The line of `msgid`.
    var line: Int
    /// The whole entry: from its first comment line to the end of its last line.
    var range: Range<Int>
    /// From `msgctxt`/`msgid` to the start of the first `msgstr` line: kept verbatim when the
    /// entry is rewritten.
    var keys: Range<Int>

    /// The flags of `#,` lines (`fuzzy`, `c-format`, …).
    var flags: [String] {
        comments.filter { $0.hasPrefix("#,") }.flatMap { $0.dropFirst(2).split(separator: ",") }
            .map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    var isFuzzy: Bool { flags.contains("fuzzy") }
    var isHeader: Bool { msgid.isEmpty && msgctxt == nil }
    /// Every form translated and not marked fuzzy.
    var isTranslated: Bool { !isFuzzy && !msgstr.isEmpty && msgstr.allSatisfy { !$0.isEmpty } }
}
