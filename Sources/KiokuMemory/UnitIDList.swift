/// A list of unit ids as a user writes one in a file: separated by spaces, commas or lines
/// (`kioku delete --ids-from FILE`; a QA report's ids, one a line). `#` starts a comment.
public enum UnitIDList {
    /// Why a list cannot be read: the line and the word that is not an id.
    public struct Problem: Error, Sendable, Equatable {
        public var line: Int
        public var word: String
    }

    /// The ids in `text`, in the order written (repeats kept: a deletion takes each once).
    public static func parse(_ text: String) throws(Problem) -> [UnitID] {
        var ids: [UnitID] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.prefix { $0 != "#" }
            for word in content.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\r" }) {
                guard let value = Int64(word), value > 0 else { throw Problem(line: number + 1, word: String(word.prefix(40))) }
                ids.append(UnitID(value))
            }
        }
        return ids
    }
}
