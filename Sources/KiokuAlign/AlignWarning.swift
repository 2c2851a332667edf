/// Something about the two documents that makes the alignment doubtful, reported with it.
public enum AlignWarning: Sendable, Hashable, CustomStringConvertible {
    /// One document has far more or far less text than a translation would (`ratio` is target
    /// characters per source character; `expected` what the language pair usually has).
    case lengthMismatch(ratio: Double, expected: Double)
    /// A document does not look like its language: `file` was given as `language`, but most of
    /// its letters are `script` (swapped files, a wrong --src/--tgt, or mis-decoded text).
    case wrongScript(file: String, language: String, script: String)
    /// Many beads are doubtful: the documents may not be translations of each other.
    case weakAlignment(doubtful: Int, of: Int)

    public var description: String {
        switch self {
        case .lengthMismatch(let ratio, let expected):
            "the target has \(format(ratio))× the characters of the source, where about \(format(expected))× is usual: are these the same article?"
        case .wrongScript(let file, let language, let script):
            "\(file) was given as \(language), but most of its letters are \(script): check --src/--tgt, the file order and the file's encoding"
        case .weakAlignment(let doubtful, let total):
            "\(doubtful) of \(total) beads are doubtful: the documents may not translate each other"
        }
    }

    private func format(_ value: Double) -> String { String(Double(Int(value * 100)) / 100) }
}
