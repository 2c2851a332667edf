import KiokuText

/// The difference between a query and a TM source, by display token (words and
/// punctuation; characters for Japanese), comparing tokens in matching form. Each
/// piece carries the spacing that follows its tokens, so the `equal` and `removed`
/// pieces joined give the TM source back, and `equal` and `added` the query.
enum WordDiff {
    static func diff(query: String, source: String, language: LanguageTag) -> [DiffPiece] {
        guard let tokenizer = try? Tokenizer(language: language) else { return [DiffPiece(kind: .removed, text: source)] }
        let normalizer = MatchNormalizer()
        let q = tokenizer.tokens(query), s = tokenizer.tokens(source)
        let qKeys = q.map { normalizer.normalize($0.text) }, sKeys = s.map { normalizer.normalize($0.text) }
        // LCS table over tokens.
        var table = [[Int]](repeating: [Int](repeating: 0, count: qKeys.count + 1), count: sKeys.count + 1)
        for i in stride(from: sKeys.count - 1, through: 0, by: -1) {
            for j in stride(from: qKeys.count - 1, through: 0, by: -1) {
                table[i][j] = sKeys[i] == qKeys[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        // Each token with the spacing that follows it, so the pieces join back into the text.
        func spaced(_ tokens: [Token], in text: String) -> [String] {
            let units = Array(text.utf16)
            return tokens.indices.map { index in
                let end = index + 1 < tokens.count ? tokens[index + 1].range.lowerBound : units.count
                return String(decoding: units[tokens[index].range.lowerBound..<end], as: UTF16.self)
            }
        }
        let qText = spaced(q, in: query), sText = spaced(s, in: source)
        var pieces: [DiffPiece] = []
        func emit(_ kind: DiffPiece.Kind, _ text: String) {
            if let last = pieces.last, last.kind == kind {
                pieces[pieces.count - 1].text += text
            } else {
                pieces.append(DiffPiece(kind: kind, text: text))
            }
        }
        var i = 0, j = 0
        while i < sKeys.count || j < qKeys.count {
            if i < sKeys.count, j < qKeys.count, sKeys[i] == qKeys[j] {
                emit(.equal, sText[i]); i += 1; j += 1
            } else if j < qKeys.count, i == sKeys.count || table[i][j + 1] > table[i + 1][j] {
                emit(.added, qText[j]); j += 1
            } else {
                emit(.removed, sText[i]); i += 1
            }
        }
        return pieces
    }
}
