import KiokuText

/// One side of an alignment: a document's paragraphs, in order, and its language.
///
/// Paragraph texts are kept as the file gave them (after markup was taken away), so every
/// sentence the aligner returns is a verbatim piece of one paragraph.
public struct AlignDocument: Sendable, Hashable {
    /// Where the document came from (a path, or a name given in code).
    public var name: String
    public var language: LanguageTag
    public var paragraphs: [String]

    public init(name: String, language: LanguageTag, paragraphs: [String]) {
        self.name = name
        self.language = language
        self.paragraphs = paragraphs
    }

    /// A document from plain text: a paragraph a line, or paragraphs separated by blank lines
    /// when the text has any (lines inside such a paragraph are joined).
    public init(name: String, language: LanguageTag, text: String) {
        self.init(name: name, language: language, paragraphs: PlainTextParagraphs.split(text))
    }
}
