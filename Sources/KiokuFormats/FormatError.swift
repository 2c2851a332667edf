/// A file that cannot be read (or written) as the format it claims to be, as data: where,
/// and what is wrong. What to do about it depends on who met it — `kioku import` says
/// "nothing was imported", `kioku check` does not — so the advice is rendered by the
/// program, not here.
public enum FormatError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// An output file could not be created, written or moved into place.
    case unwritable(file: String, reason: String)
    /// The file's name does not tell its format; `known` lists the endings that would.
    case unknownFormat(file: String, known: [String])
    /// The XML is not well-formed (or uses something Kioku refuses, like entity declarations).
    case malformedXML(SourceLocation, String)
    /// The bytes are not valid in the file's encoding.
    case badEncoding(SourceLocation, String)
    /// Well-formed XML, but not the structure the format requires.
    case invalidStructure(SourceLocation, String)
    /// A delimited (TSV/CSV) or line-aligned file that cannot be used as asked.
    case invalidTable(SourceLocation, String)
    /// The file's languages cannot be decided from the file itself.
    case unknownLanguages(file: String, UnknownLanguages)
    /// A Moses file without its other-language partner.
    case unpairedFile(file: String)

    /// Which languages a file leaves open.
    public enum UnknownLanguages: Sendable, Equatable {
        /// A TSV/CSV file whose first row is not a header of language codes.
        case columns
        /// A Moses file whose name ends in no language code: its source side…
        case source
        /// …or its target side.
        case target
    }

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot read the file: \(reason)"
        case .unwritable(let file, let reason): "\(file): cannot write the file: \(reason)"
        case .unknownFormat(let file, let known): "\(file): the file name does not tell its format (known: \(known.joined(separator: ", ")))"
        case .malformedXML(let at, let what): "\(at): malformed XML: \(what)"
        case .badEncoding(let at, let what): "\(at): \(what)"
        case .invalidStructure(let at, let what): "\(at): \(what)"
        case .invalidTable(let at, let what): "\(at): \(what)"
        case .unknownLanguages(let file, .columns):
            "\(file): the first row is not a header of language codes (like \"en<TAB>ru\"), so the columns' languages are unknown"
        case .unknownLanguages(let file, _): "\(file): the file name does not end in a language code (like corpus.en)"
        case .unpairedFile(let file): "\(file): Moses files come in pairs (source file, target file); this one has no partner"
        }
    }

    /// Where the problem is, when it is at a line of a file.
    public var location: SourceLocation? {
        switch self {
        case .malformedXML(let at, _), .badEncoding(let at, _), .invalidStructure(let at, _), .invalidTable(let at, _): at
        default: nil
        }
    }
}
