/// Where something stands in an input file: its path and 1-based line.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}

/// A file that cannot be read as the format it claims to be. The message names
/// the file, the line and what to do; the import that met it changes nothing.
public enum FormatError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The XML is not well-formed (or uses something Kioku refuses, like entity declarations).
    case malformedXML(SourceLocation, String)
    /// The bytes are not valid in the file's encoding.
    case badEncoding(SourceLocation, String)
    /// Well-formed XML, but not the structure the format requires.
    case invalidStructure(SourceLocation, String)
    /// A delimited (TSV/CSV) or line-aligned file that cannot be used as asked.
    case invalidTable(SourceLocation, String)
    /// Languages could not be decided; the message says which option to pass.
    case missingLanguage(file: String, String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "\(file): cannot read the file: \(reason)"
        case .malformedXML(let at, let what):
            "\(at): malformed XML: \(what). Fix the file (or re-export it from its tool) and import it again; nothing was imported."
        case .badEncoding(let at, let what):
            "\(at): \(what). Save the file as UTF-8 (or declare its real encoding in the XML declaration) and import it again; nothing was imported."
        case .invalidStructure(let at, let what):
            "\(at): \(what); nothing was imported."
        case .invalidTable(let at, let what):
            "\(at): \(what); nothing was imported."
        case .missingLanguage(let file, let what):
            "\(file): \(what)"
        }
    }
}
