import KiokuFormats

/// Why a translation-memory operation failed; the TM is unchanged when one is thrown.
public enum MemoryError: Error, CustomStringConvertible {
    /// An input file was unusable; the whole import was rolled back.
    case format(FormatError)
    /// The TM file cannot be opened or is not a Kioku TM.
    case cannotOpen(path: String, reason: String)
    /// SQLite reported an error.
    case database(path: String, reason: String)
    /// The caller asked for something the TM cannot do.
    case invalidRequest(String)

    public var description: String {
        switch self {
        case .format(let error): error.description
        case .cannotOpen(let path, let reason): "\(path): cannot open the translation memory: \(reason)"
        case .database(let path, let reason): "\(path): database error: \(reason). The translation memory was left as it was."
        case .invalidRequest(let what): what
        }
    }
}
