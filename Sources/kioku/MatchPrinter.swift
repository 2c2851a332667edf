import KiokuMatch
import KiokuText

/// How a match looks on a terminal.
enum MatchPrinter {
    static func render(_ match: FuzzyMatch) -> String {
        var lines: [String] = []
        lines.append("\(match.score)%  unit \(match.unitID)\(match.contextMatches ? "  (context matches)" : "")")
        let marked = match.diff.map { piece -> String in
            let text = piece.text.trimmingWhitespace()
            let space = String(piece.text.dropFirst(text.count))
            switch piece.kind {
            case .equal: return piece.text
            case .removed: return "[-\(text)-]" + space
            case .added: return "{+\(text)+}" + space
            }
        }.joined()
        lines.append("  \(match.sourceLanguage): \(marked)")
        lines.append("  \(match.targetLanguage): \(match.target)")
        if let adapted = match.adaptedTarget { lines.append("  adapted: \(adapted)") }
        var about: [String] = []
        if let origin = match.origin { about.append("from \(origin)") }
        if let (date, user) = match.latestChange {
            about.append(date)
            if let user { about.append("by \(user)") }
        }
        if !about.isEmpty { lines.append("  " + about.joined(separator: ", ")) }
        for note in match.metadata.notes + match.targetMetadata.notes {
            lines.append("  note: " + note.text.split(whereSeparator: \.isNewline).joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }
}
