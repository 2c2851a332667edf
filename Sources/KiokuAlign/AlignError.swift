/// Why documents cannot be aligned, as data; the CLI renders it into advice.
public enum AlignError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is missing or could not be read.
    case unreadable(file: String, reason: String)
    /// The bytes are not text (NUL bytes, or not UTF-8/UTF-16), with the line of the first bad byte.
    case notText(file: String, line: Int, reason: String)
    /// A .docx that is not a Word document (no `word/document.xml`, broken zip or XML).
    case badDocument(file: String, reason: String)
    /// A kind of document Kioku does not read (`.pdf`, `.doc`, `.odt`, `.rtf`…), by its ending.
    case unsupportedFormat(file: String, ending: String)
    /// One side has no text at all.
    case empty(file: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot read the file: \(reason)"
        case .notText(let file, let line, let reason): "\(file):\(line): not a text file: \(reason)"
        case .badDocument(let file, let reason): "\(file): not a readable Word document: \(reason)"
        case .empty(let file): "\(file): the document has no text"
        case .unsupportedFormat(let file, let ending): "\(file): .\(ending) documents cannot be read (text, Markdown, HTML and .docx can)"
        }
    }
}
