/// The kinds of document `kioku align` reads, told by the file name's ending.
public enum DocumentFormat: String, Sendable, CaseIterable {
    /// Plain text: a paragraph a line, or blank-line separated paragraphs.
    case text
    /// Markdown: headings, list items and paragraphs, with the markup taken away.
    case markdown
    /// HTML: the text of block elements (p, h1…h6, li, td, div…); scripts and styles ignored.
    case html
    /// Word (.docx): the paragraphs of `word/document.xml`.
    case docx

    /// The endings each format is known by.
    public var extensions: [String] {
        switch self {
        case .text: ["txt", "text"]
        case .markdown: ["md", "markdown"]
        case .html: ["html", "htm", "xhtml"]
        case .docx: ["docx"]
        }
    }

    /// The format a path's ending names, if any.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        let ending = path[path.index(after: dot)...].lowercased()
        guard let format = Self.allCases.first(where: { $0.extensions.contains(ending) }) else { return nil }
        self = format
    }
}
