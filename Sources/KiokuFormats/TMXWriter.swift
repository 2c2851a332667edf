import KiokuText

/// Writes TMX 1.4b: every variant with its inline markup, notes, properties,
/// dates, users and other attributes, so that import → export → import is lossless.
public final class TMXWriter: UnitWriter {
    private let output: TextOutput

    /// - Parameter sourceLanguage: the header's `srclang`; `*all*` when nil.
    public init(path: String, sourceLanguage: LanguageTag?, toolVersion: String = KiokuVersion.current) throws(FormatError) {
        output = try TextOutput(path: path)
        let header: [XMLAttribute] = [
            .init(name: "creationtool", value: "Kioku"),
            .init(name: "creationtoolversion", value: toolVersion),
            .init(name: "segtype", value: "sentence"),
            .init(name: "o-tmf", value: "Kioku"),
            .init(name: "adminlang", value: "en"),
            .init(name: "srclang", value: sourceLanguage?.identifier ?? "*all*"),
            .init(name: "datatype", value: "plaintext"),
        ]
        try output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  "
                         + XMLEscaping.startTag("header", header, empty: true) + "\n  <body>\n")
    }

    public func write(_ unit: TranslationUnit) throws(FormatError) {
        var attributes = unit.metadata.tmxAttributes
        if let source = unit.sourceLanguage { attributes.insert(XMLAttribute(name: "srclang", value: source.identifier), at: 0) }
        var out = "    " + XMLEscaping.startTag("tu", attributes) + "\n"
        out += Self.annotations(unit.metadata, indent: "      ")
        for variant in unit.variants {
            let tuvAttributes = [XMLAttribute(name: "xml:lang", value: variant.language.identifier)] + variant.metadata.tmxAttributes
            out += "      " + XMLEscaping.startTag("tuv", tuvAttributes) + "\n"
            out += Self.annotations(variant.metadata, indent: "        ")
            out += "        <seg>" + variant.segment.tmxContent + "</seg>\n      </tuv>\n"
        }
        try output.write(out + "    </tu>\n")
    }

    static func annotations(_ metadata: Metadata, indent: String) -> String {
        var out = ""
        for note in metadata.notes {
            let attributes = (note.language.map { [XMLAttribute(name: "xml:lang", value: $0)] } ?? []) + note.attributes
            out += indent + XMLEscaping.startTag("note", attributes) + XMLEscaping.escape(note.text) + "</note>\n"
        }
        for property in metadata.properties {
            let attributes = [XMLAttribute(name: "type", value: property.type)]
                + (property.language.map { [XMLAttribute(name: "xml:lang", value: $0)] } ?? []) + property.attributes
            out += indent + XMLEscaping.startTag("prop", attributes) + XMLEscaping.escape(property.value) + "</prop>\n"
        }
        return out
    }

    public func finish() throws(FormatError) {
        try output.write("  </body>\n</tmx>\n")
        try output.close()
    }
}
