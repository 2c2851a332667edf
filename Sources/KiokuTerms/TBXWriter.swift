import KiokuFormats
import KiokuText

/// Writes TBX-Basic (TBX 2008 `martif`), readable by Weblate, Trados MultiTerm, memoQ and Kioku.
public enum TBXWriter {
    public static func write(_ glossary: Glossary, to path: String) throws(FormatError) {
        let output = try TextOutput(path: path)
        try output.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <martif type="TBX-Basic" xml:lang="en">
              <martifHeader>
                <fileDesc><sourceDesc><p>Kioku</p></sourceDesc></fileDesc>
                <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>
              </martifHeader>
              <text>
                <body>

            """)
        for concept in glossary.concepts {
            var out = "      <termEntry id=\"\(XMLEscaping.escape(concept.id, attribute: true))\">\n"
            out += "        <descrip type=\"subjectField\">\(concept.type.rawValue)</descrip>\n"
            if let note = concept.note { out += "        <note>\(XMLEscaping.escape(note))</note>\n" }
            let languages = concept.terms.map(\.language).reduce(into: [LanguageTag]()) { if !$0.contains($1) { $0.append($1) } }
            for language in languages {
                out += "        <langSet xml:lang=\"\(language.identifier)\">\n"
                for term in concept.terms where term.language == language {
                    out += "          <tig>\n            <term>\(XMLEscaping.escape(term.text))</term>\n"
                    out += "            <termNote type=\"administrativeStatus\">\(term.status.tbxValue)</termNote>\n"
                    if let partOfSpeech = term.partOfSpeech {
                        out += "            <termNote type=\"partOfSpeech\">\(XMLEscaping.escape(partOfSpeech))</termNote>\n"
                    }
                    if term.caseSensitive { out += "            <note>case-sensitive</note>\n" }
                    if let note = term.note { out += "            <note>\(XMLEscaping.escape(note))</note>\n" }
                    out += "          </tig>\n"
                }
                out += "        </langSet>\n"
            }
            try output.write(out + "      </termEntry>\n")
        }
        try output.write("    </body>\n  </text>\n</martif>\n")
        try output.close()
    }
}
