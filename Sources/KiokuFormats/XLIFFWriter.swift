import KiokuText

/// Writes XLIFF 1.2 (valid against the OASIS strict schema) for one language pair: a
/// `<trans-unit>` per unit with its source, its target, its notes and its context (the previous
/// source segment), for CAT and localization tools that read XLIFF rather than TMX. A TM's
/// translations are approved (`approved="yes"`, `state="final"`), except those a glossary check
/// flagged on import (`state="needs-review-translation"`, the reason as a note). Inline codes become XLIFF's own (see `XLIFFInlineCodes`). TMX stays the
/// lossless export; XLIFF 1.2 has no place for dates, users or other properties.
public final class XLIFFWriter: UnitWriter {
    private let output: TextOutput
    private let source: LanguageTag
    private let target: LanguageTag
    private var nextID = 1

    /// - Parameters:
    ///   - original: the `<file original>` attribute: what the units came from (the TM's name).
    public init(path: String, source: LanguageTag, target: LanguageTag, original: String,
                toolVersion: String = KiokuVersion.current) throws(FormatError) {
        output = try TextOutput(path: path)
        self.source = source
        self.target = target
        let file: [XMLAttribute] = [
            .init(name: "original", value: original),
            .init(name: "source-language", value: source.identifier),
            .init(name: "target-language", value: target.identifier),
            .init(name: "datatype", value: "plaintext"),
            .init(name: "tool-id", value: "kioku"),
        ]
        let tool: [XMLAttribute] = [
            .init(name: "tool-id", value: "kioku"),
            .init(name: "tool-name", value: "Kioku"),
            .init(name: "tool-version", value: toolVersion),
        ]
        try output.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              \(XMLEscaping.startTag("file", file))
                <header>
                  \(XMLEscaping.startTag("tool", tool, empty: true))
                </header>
                <body>

            """)
    }

    /// Writes the unit when it has both languages (an export for the pair passes only those).
    public func write(_ unit: TranslationUnit) throws(FormatError) {
        guard let sourceVariant = unit.variant(source), let targetVariant = unit.variant(target) else { return }
        var attributes = [XMLAttribute(name: "id", value: String(nextID)), XMLAttribute(name: "xml:space", value: "preserve")]
        nextID += 1
        if let tuid = unit.metadata.attribute("tuid") { attributes.append(XMLAttribute(name: "resname", value: tuid)) }
        let flag = unit.metadata.property(TranslationUnit.flagProperty)
        if flag == nil { attributes.append(XMLAttribute(name: "approved", value: "yes")) }
        var out = "      " + XMLEscaping.startTag("trans-unit", attributes) + "\n"
        out += "        <source>" + XLIFFInlineCodes.content(of: sourceVariant.segment) + "</source>\n"
        out += "        <target state=\"\(flag == nil ? "final" : "needs-review-translation")\">"
            + XLIFFInlineCodes.content(of: targetVariant.segment) + "</target>\n"
        for context in unit.contexts {
            out += "        <context-group purpose=\"match\"><context context-type=\"x-previous-segment\">"
                + XMLEscaping.escape(OmegaTTags.plainText(context)) + "</context></context-group>\n"
        }
        let notes = (flag.map { [(Note(text: "Flagged by a glossary check: " + $0), "target")] } ?? [])
            + unit.metadata.notes.map { ($0, nil as String?) }
            + sourceVariant.metadata.notes.map { ($0, "source") } + targetVariant.metadata.notes.map { ($0, "target") }
        for (note, annotates) in notes {
            let noteAttributes = (note.language.map { [XMLAttribute(name: "xml:lang", value: $0)] } ?? [])
                + (annotates.map { [XMLAttribute(name: "annotates", value: $0)] } ?? [])
            out += "        " + XMLEscaping.startTag("note", noteAttributes) + XMLEscaping.escape(note.text) + "</note>\n"
        }
        try output.write(out + "      </trans-unit>\n")
    }

    public func finish() throws(FormatError) {
        try output.write("    </body>\n  </file>\n</xliff>\n")
        try output.close()
    }
}
