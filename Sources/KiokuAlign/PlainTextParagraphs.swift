/// How plain text becomes paragraphs.
enum PlainTextParagraphs {
    /// A paragraph a line; but when blank lines separate blocks of short lines (text wrapped at a
    /// fixed width), a paragraph a block, its lines joined by a space (none between two CJK
    /// characters). A file of long lines with the odd blank line keeps a paragraph a line.
    static func split(_ text: String) -> [String] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\u{2029}" })
            .map { $0.trimmingCharacters(in: " \t\u{FEFF}") }
        var blocks: [[Substring]] = [[]]
        for line in lines {
            if line.allSatisfy(\.isWhitespace) {
                if !blocks[blocks.count - 1].isEmpty { blocks.append([]) }
            } else {
                blocks[blocks.count - 1].append(line)
            }
        }
        blocks.removeAll { $0.isEmpty }
        guard blocks.count > 1, isHardWrapped(blocks) else { return blocks.flatMap { $0.map(String.init) } }
        return blocks.map(join)
    }

    /// True when most lines inside multi-line blocks (each block's last line aside) are short,
    /// as in text wrapped at about 80 columns.
    private static func isHardWrapped(_ blocks: [[Substring]]) -> Bool {
        let inner = blocks.filter { $0.count > 1 }.flatMap { $0.dropLast() }
        guard !inner.isEmpty else { return false }
        let short = inner.filter { $0.unicodeScalars.count <= 100 }.count
        return Double(short) >= 0.8 * Double(inner.count)
    }

    /// Pieces of text (lines, sentences) joined by a space, none between two wide characters.
    static func join<Piece: StringProtocol>(_ pieces: [Piece]) -> String {
        var joined = ""
        for line in pieces {
            if let last = joined.unicodeScalars.last, let first = line.unicodeScalars.first,
               !(isWide(last) && isWide(first)) {
                joined += " "
            }
            joined += line
        }
        return joined
    }

    /// Han, kana and full-width punctuation: scripts written without spaces.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x30FF, 0x3400...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF: return true
        default: return false
        }
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> Substring {
        var result = self[...]
        while let first = result.first, set.contains(first) { result = result.dropFirst() }
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        return result
    }
}
