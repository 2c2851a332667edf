import KiokuText

/// The difference between a query and a TM source, by display token — the pieces
/// ``TextScanner`` finds: words, numbers, single punctuation marks (characters for
/// Japanese) — comparing tokens in matching form. Each piece carries the spacing that follows its tokens, so the
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

    /// Display tokens — the ``TextScanner`` pieces of `text`: words, numbers, single
    /// characters (Japanese) and single punctuation marks — each with the spacing after it
    /// (leading spacing goes with the first), keyed by their matching form.
    static func displayTokens(_ text: String, unit: ScoringUnit) -> [(text: Substring, key: String)] {
        let normalizer = MatchNormalizer()
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        let pieces = TextScanner.pieces(of: text, unit: unit)
        return pieces.indices.map { number in
            let piece = pieces[number]
            let start = number == 0 ? text.startIndex : index(piece.bytes.lowerBound)
            let end = number + 1 < pieces.count ? index(pieces[number + 1].bytes.lowerBound) : text.endIndex
            return (text[start..<end], normalizer.normalize(String(text[index(piece.bytes.lowerBound)..<index(piece.bytes.upperBound)])))
        }
    }
}
