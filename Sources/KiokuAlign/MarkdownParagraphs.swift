/// Markdown to paragraphs: each heading, list item, quote block and paragraph becomes one;
/// code blocks, HTML comments, images and link targets are left out, emphasis marks removed.
enum MarkdownParagraphs {
    static func split(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        var inFence = false
        func flush() {
            if !current.isEmpty { paragraphs.append(inline(PlainTextParagraphs.join(current))) }
            current = []
        }
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = rawLine.trimmingCharacters(in: " \t\u{FEFF}")
            if line.hasPrefix("```") || line.hasPrefix("~~~") { flush(); inFence.toggle(); continue }
            if inFence { continue }
            if line.isEmpty { flush(); continue }
            if line.allSatisfy({ "-*_=".contains($0) || $0 == " " }) && line.count >= 3 { flush(); continue }  // rules, setext underlines
            if line.hasPrefix("<!--") { flush(); continue }
            if let body = heading(line) { flush(); paragraphs.append(inline(String(body))); continue }
            if let body = listItem(line) { flush(); current = [body]; continue }
            if line.hasPrefix(">") { current.append(line.drop(while: { $0 == ">" || $0 == " " })); continue }
            if rawLine.hasPrefix("    ") && current.isEmpty { continue }  // indented code
            current.append(line)
        }
        flush()
        return paragraphs.filter { !$0.isEmpty }
    }

    private static func heading(_ line: Substring) -> Substring? {
        let hashes = line.prefix(while: { $0 == "#" })
        guard (1...6).contains(hashes.count), line.dropFirst(hashes.count).first == " " else { return nil }
        var body = line.dropFirst(hashes.count).trimmingCharacters(in: " ")
        while body.last == "#" { body = body.dropLast() }
        return body.trimmingCharacters(in: " ")
    }

    private static func listItem(_ line: Substring) -> Substring? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " { return line.dropFirst(2) }
        let digits = line.prefix(while: \.isNumber)
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " { return rest.dropFirst(2) }
        }
        return nil
    }

    /// Inline markup away: images, links (their text kept), code spans' backticks, emphasis.
    static func inline(_ text: String) -> String {
        var output = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count { output.append(characters[index + 1]); index += 2; continue }
            if character == "!", index + 1 < characters.count, characters[index + 1] == "[",
               let (_, end) = link(characters, at: index + 1) { index = end; continue }
            if character == "[", let (label, end) = link(characters, at: index) { output += inline(label); index = end; continue }
            if character == "`" { index += 1; continue }
            if character == "*" || character == "_" && isEmphasisUnderscore(characters, index) { index += 1; continue }
            output.append(character)
            index += 1
        }
        return output.trimmingCharacters(in: " ").description
    }

    /// `[label](target)` starting at `start`: the label and the index after the link.
    /// Labels and targets longer than this are not links (and a line of "[" costs linear time).
    private static let longestLinkPart = 1_000

    private static func link(_ characters: [Character], at start: Int) -> (String, Int)? {
        guard let close = characters[start...].prefix(longestLinkPart).firstIndex(of: "]"), close + 1 < characters.count,
              characters[close + 1] == "(",
              let end = characters[(close + 1)...].prefix(longestLinkPart).firstIndex(of: ")") else { return nil }
        return (String(characters[(start + 1)..<close]), end + 1)
    }

    /// `_` as emphasis (next to a word boundary), not inside snake_case words.
    private static func isEmphasisUnderscore(_ characters: [Character], _ index: Int) -> Bool {
        let before = index > 0 ? characters[index - 1] : " "
        let after = index + 1 < characters.count ? characters[index + 1] : " "
        return !(before.isLetter || before.isNumber) || !(after.isLetter || after.isNumber)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> Substring { self[...].trimmingCharacters(in: set) }
}
