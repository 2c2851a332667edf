import Foundation
import KiokuText

/// Reads the documents people have — plain text, Markdown, HTML, Word .docx — as paragraphs.
public enum DocumentReader {
    /// The document at `path`, in `language`. The format comes from the name's ending
    /// (`format` overrides it); an ending no format claims is read as plain text.
    public static func read(path: String, language: LanguageTag, format: DocumentFormat? = nil) throws(AlignError) -> AlignDocument {
        if format == nil, let dot = path.lastIndex(of: "."), !path[dot...].contains("/") {
            let ending = path[path.index(after: dot)...].lowercased()
            if unsupportedEndings.contains(ending) { throw .unsupportedFormat(file: path, ending: ending) }
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(file: path, reason: (error as NSError).localizedFailureReason ?? "no such file, or no permission")
        }
        return try read(data: data, name: path, language: language, format: format ?? DocumentFormat(path: path) ?? .text)
    }

    /// Document kinds people have that Kioku does not read; refused by name rather than read as
    /// garbage text.
    static let unsupportedEndings: Set<String> = ["pdf", "doc", "odt", "rtf", "pages", "epub", "xls", "xlsx", "ppt", "pptx"]

    /// A document from bytes already in memory.
    public static func read(data: Data, name: String, language: LanguageTag, format: DocumentFormat) throws(AlignError) -> AlignDocument {
        let paragraphs: [String]
        switch format {
        case .text: paragraphs = PlainTextParagraphs.split(try DocumentText.decode(data, file: name))
        case .markdown: paragraphs = MarkdownParagraphs.split(try DocumentText.decode(data, file: name))
        case .html: paragraphs = HTMLParagraphs.split(try DocumentText.decode(data, file: name))
        case .docx: paragraphs = try WordParagraphs.read(data, file: name)
        }
        let kept = paragraphs.filter { paragraph in paragraph.unicodeScalars.contains { !$0.properties.isWhitespace } }
        guard !kept.isEmpty else { throw .empty(file: name) }
        return AlignDocument(name: name, language: language, paragraphs: kept)
    }
}
