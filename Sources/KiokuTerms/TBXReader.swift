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
        var entries = TBXEntries(path: path)
        while let event = try parser.next() {
            switch event {
            case .start(let name, let attributes): try entries.start(name, attributes, line: parser.line)
            case .text(let piece): entries.text(piece)
            case .end(let name): try entries.end(name)
            }
        }
        return Glossary(concepts: entries.concepts)
    }
}

/// The concepts of a TBX file as its elements go by: the entry, language and term being
/// read, and the text of the element that carries a value.
private struct TBXEntries {
    let path: String
    private(set) var concepts: [Concept] = []
    private var concept: Concept?
    private var language: LanguageTag?
    private var term: Term?
    /// Which element's text is being read, its `type`, and the text so far.
    private var textElement: String?
    private var typeAttribute: String?
    private var text = ""
    private var entryLine = 0

    init(path: String) {
        self.path = path
    }

    mutating func start(_ name: String, _ attributes: [XMLAttribute], line: Int) throws(FormatError) {
        switch name {
        case "termEntry", "conceptEntry":
            entryLine = line
            concept = Concept(id: attributes.first { $0.name == "id" }?.value ?? "c\(concepts.count + 1)", terms: [])
        case "langSet", "langSec":
            let value = attributes.first { $0.name == "xml:lang" || $0.name == "lang" }?.value ?? ""
            guard let tag = LanguageTag(value) else {
                throw .invalidStructure(SourceLocation(file: path, line: line), "<\(name)> has no valid xml:lang (\"\(value)\")")
            }
            language = tag
        case "tig", "ntig", "termSec":
            guard let language else {
                throw .invalidStructure(SourceLocation(file: path, line: line), "<\(name)> outside a <langSet>")
            }
            term = Term(language: language, text: "")
        case "term", "termNote", "descrip", "note":
            textElement = name
            typeAttribute = attributes.first { $0.name == "type" }?.value
            text = ""
        default:
            break
        }
    }

    mutating func text(_ piece: String) {
        if textElement != nil { text += piece }
    }

    mutating func end(_ name: String) throws(FormatError) {
        switch name {
        case "term":
            term?.text = text.trimmingWhitespace()
            textElement = nil
        case "termNote", "descrip", "note":
            apply(element: name, type: typeAttribute, value: text.trimmingWhitespace())
            textElement = nil
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
            break
        }
    }

    /// A `termNote`, `descrip` or `note`: status, part of speech, case, concept type, or a note.
    private mutating func apply(element: String, type: String?, value: String) {
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
            if let old = term {
                term?.note = [old.note, value].compactMap { $0 }.joined(separator: "\n")
            } else if let old = concept {
                concept?.note = [old.note, value].compactMap { $0 }.joined(separator: "\n")
            }
        }
    }
}
