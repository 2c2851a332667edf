import KiokuFormats
import KiokuText

/// Reads TBX glossaries: TBX-Basic 2008 (`martif`, `termEntry`/`langSet`/`tig` or
/// `ntig`/`termGrp`) and TBX v3 (`tbx`, `conceptEntry`/`langSec`/`termSec`), in any
/// encoding TMX may have. `administrativeStatus` gives the status (deprecated and
/// superseded terms are forbidden); `subjectField` or `conceptType` the concept type;
/// `partOfSpeech`, notes and `descrip`s are kept.
public enum TBXReader {
    public static func read(path: String) throws(FormatError) -> Glossary {
        let parser = try XMLPullParser(path: path)
        guard case .start(let root, _)? = try parser.next(), root == "martif" || root == "tbx" else {
            throw .invalidStructure(SourceLocation(file: path, line: parser.line), "not a TBX file (the root element is not <martif> or <tbx>)")
        }
        var concepts: [Concept] = []
        var concept: Concept?
        var language: LanguageTag?
        var term: Term?
        var textTarget: String?  // which element's text is being read
        var text = ""
        var typeAttribute: String?
        var entryLine = 0

        while let event = try parser.next() {
            switch event {
            case .start(let name, let attributes):
                switch name {
                case "termEntry", "conceptEntry":
                    entryLine = parser.line
                    concept = Concept(id: attributes.first { $0.name == "id" }?.value ?? "c\(concepts.count + 1)", terms: [])
                case "langSet", "langSec":
                    let value = attributes.first { $0.name == "xml:lang" || $0.name == "lang" }?.value ?? ""
                    guard let tag = LanguageTag(value) else {
                        throw .invalidStructure(SourceLocation(file: path, line: parser.line),
                                                "<\(name)> has no valid xml:lang (\"\(value)\")")
                    }
                    language = tag
                case "tig", "ntig", "termSec":
                    guard let language else {
                        throw .invalidStructure(SourceLocation(file: path, line: parser.line), "<\(name)> outside a <langSet>")
                    }
                    term = Term(language: language, text: "")
                case "term", "termNote", "descrip", "note":
                    textTarget = name
                    typeAttribute = attributes.first { $0.name == "type" }?.value
                    text = ""
                default:
                    continue
                }
            case .text(let piece):
                if textTarget != nil { text += piece }
            case .end(let name):
                switch name {
                case "term":
                    term?.text = text.trimmingWhitespace()
                    textTarget = nil
                case "termNote", "descrip", "note":
                    apply(element: name, type: typeAttribute, value: text.trimmingWhitespace(), to: &concept, term: &term)
                    textTarget = nil
                case "tig", "ntig", "termSec":
                    if let finished = term, !finished.text.isEmpty { concept?.terms.append(finished) }
                    term = nil
                case "langSet", "langSec":
                    language = nil
                case "termEntry", "conceptEntry":
                    guard let finished = concept, !finished.terms.isEmpty else {
                        throw .invalidStructure(SourceLocation(file: path, line: entryLine), "a <\(name)> without terms")
                    }
                    concepts.append(finished)
                    concept = nil
                default:
                    continue
                }
            }
        }
        return Glossary(concepts: concepts)
    }

    private static func apply(element: String, type: String?, value: String, to concept: inout Concept?, term: inout Term?) {
        switch (element, type) {
        case ("termNote", "administrativeStatus"):
            if let status = TermStatus(text: value) { term?.status = status }
        case ("termNote", "partOfSpeech"):
            term?.partOfSpeech = value
        case ("termNote", "x-caseSensitive"):
            term?.caseSensitive = ["yes", "true", "1"].contains(value.lowercased())
        case ("descrip", "subjectField"), ("descrip", "conceptType"):
            if term == nil, let conceptType = ConceptType(text: value) { concept?.type = conceptType }
        case ("note", _) where value.lowercased() == "case-sensitive":
            term?.caseSensitive = true
        default:
            if term != nil {
                let old = term?.note
                term?.note = [old, value].compactMap { $0 }.joined(separator: "\n")
            } else if concept != nil {
                let old = concept?.note
                concept?.note = [old, value].compactMap { $0 }.joined(separator: "\n")
            }
        }
    }
}
