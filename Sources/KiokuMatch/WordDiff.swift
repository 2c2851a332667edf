import KiokuText

/// The difference between a query and a TM source, by display token — words, numbers
/// and single punctuation marks (characters for Japanese) — comparing tokens in
/// matching form. Each piece carries the spacing that follows its tokens, so the
/// `equal` and `removed` pieces joined give the TM source back, and `equal` and
/// `added` the query.
enum WordDiff {
    static func diff(query: String, source: String, unit: ScoringUnit) -> [DiffPiece] {
        let q = displayTokens(query, unit: unit), s = displayTokens(source, unit: unit)
        let columns = q.count + 1
        // LCS lengths, suffix-wise, in one flat table.
        var table = [Int32](repeating: 0, count: (s.count + 1) * columns)
        for i in stride(from: s.count - 1, through: 0, by: -1) {
            for j in stride(from: q.count - 1, through: 0, by: -1) {
                table[i * columns + j] = s[i].key == q[j].key
                    ? table[(i + 1) * columns + j + 1] + 1
                    : max(table[(i + 1) * columns + j], table[i * columns + j + 1])
            }
        }
        var pieces: [DiffPiece] = []
        func emit(_ kind: DiffPiece.Kind, _ text: Substring) {
            if let last = pieces.last, last.kind == kind {
                pieces[pieces.count - 1].text += text
            } else {
                pieces.append(DiffPiece(kind: kind, text: String(text)))
            }
        }
        var i = 0, j = 0
        while i < s.count || j < q.count {
            if i < s.count, j < q.count, s[i].key == q[j].key {
                emit(.equal, s[i].text); i += 1; j += 1
            } else if j < q.count, i == s.count || table[i * columns + j + 1] > table[(i + 1) * columns + j] {
                emit(.added, q[j].text); j += 1
            } else {
                emit(.removed, s[i].text); i += 1
            }
        }
        return pieces
    }

    /// Display tokens: each with the spacing after it (leading spacing goes with the first).
    static func displayTokens(_ text: String, unit: ScoringUnit) -> [(text: Substring, key: String)] {
        let normalizer = MatchNormalizer()
        var tokens: [(text: Substring, key: String)] = []
        var index = text.startIndex
        var tokenStart = text.startIndex
        var inWord = false
        func close(at end: String.Index) {
            // the token runs to `end`, then takes the spacing that follows
            var after = end
            while after < text.endIndex, text[after].isWhitespace { after = text.index(after: after) }
            let piece = text[tokenStart..<after]
            tokens.append((piece, normalizer.normalize(String(text[tokenStart..<end]))))
            tokenStart = after
            index = after
            inWord = false
        }
        while index < text.endIndex {
            let character = text[index]
            let isWordCharacter = unit == .word && (character.isLetter || character.isNumber || character == "'" || character == "’")
            if character.isWhitespace && !inWord && tokenStart == index {
                // leading spacing: keep it with the first token
                index = text.index(after: index)
                continue
            }
            if isWordCharacter {
                inWord = true
                index = text.index(after: index)
                continue
            }
            if inWord { close(at: index); continue }
            if character.isWhitespace { index = text.index(after: index); continue }
            // a single punctuation mark, or a character of Japanese/Chinese
            let next = text.index(after: index)
            close(at: next)
        }
        if inWord || tokenStart < text.endIndex, tokenStart < text.endIndex { close(at: text.endIndex) }
        return tokens
    }
}
