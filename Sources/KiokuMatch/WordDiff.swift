import KiokuText

/// The difference between a query and TM sources, by display token — the pieces
/// ``TextScanner`` finds: words, numbers, single punctuation marks (characters for
/// Japanese) — comparing tokens in matching form. Each piece carries the spacing that follows
/// its tokens, so the `equal` and `removed` pieces joined give the TM source back, and `equal`
/// and `added` the query.
///
/// The query is split once, when the diff is made; each source then costs its own split and
/// the comparison, and the pieces' text is copied once a piece.
struct WordDiff {
    /// A display token: its bytes with the spacing after it (leading spacing goes with the
    /// first), and its matching form as a number (``Keys``): equal numbers, equal forms.
    struct Token {
        var bytes: Range<Int>
        var key: UInt64
    }

    /// Numbers for matching forms, so the comparison compares integers. An ASCII form of 1–7
    /// bytes (most English words, every punctuation mark) is its own number: its bytes and its
    /// length packed, no string made. Other forms are numbered in the order met: the query's
    /// from 1, a source's unseen ones from 2⁵⁵, below every packed form (their top byte is the length).
    struct Keys {
        private var numbers: [String: UInt64] = [:]
        private var next: UInt64 = 1
        private let normalizer = MatchNormalizer()

        mutating func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            if let packed = Self.pack(bytes) { return packed }
            var form = normalizer.normalize(utf8: bytes)
            if let packed = form.withUTF8(Self.pack) { return packed }  // e.g. full-width letters: as ASCII
            if let known = numbers[form] { return known }
            numbers[form] = next
            defer { next += 1 }
            return next
        }

        /// These numbers, with later forms numbered apart: for a source, whose new forms match
        /// nothing of the query and need not be remembered past it.
        func forSource() -> Keys {
            var keys = self
            keys.next = 1 << 55
            return keys
        }

        /// ASCII of 1–7 bytes in matching form (lowercase, a backquote read as an apostrophe), or nil.
        private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
            guard (1...7).contains(bytes.count) else { return nil }
            var packed = UInt64(bytes.count) << 56
            for (position, byte) in bytes.enumerated() {
                guard byte < 0x80, byte > 0x20 else { return nil }
                packed |= UInt64(MatchNormalizer.foldedASCII(byte)) << (8 * UInt64(position))
            }
            return packed
        }
    }

    private let query: String
    private let unit: ScoringUnit
    private let queryTokens: [Token]
    private let queryKeys: Keys

    init(query: String, unit: ScoringUnit) {
        self.query = query
        self.unit = unit
        var keys = Keys()
        queryTokens = Self.tokens(of: query, unit: unit, keys: &keys)
        queryKeys = keys.forSource()
    }

    /// The pieces that turn `source` into the query.
    func pieces(from source: String) -> [DiffPiece] {
        var keys = queryKeys
        let q = queryTokens, s = Self.tokens(of: source, unit: unit, keys: &keys)
        let columns = q.count + 1
        // LCS lengths, suffix-wise, in one flat table.
        var table = [Int32](repeating: 0, count: (s.count + 1) * columns)
        table.withUnsafeMutableBufferPointer { table in
            for i in stride(from: s.count - 1, through: 0, by: -1) {
                for j in stride(from: q.count - 1, through: 0, by: -1) {
                    table[i * columns + j] = s[i].key == q[j].key
                        ? table[(i + 1) * columns + j + 1] + 1
                        : max(table[(i + 1) * columns + j], table[i * columns + j + 1])
                }
            }
        }
        // Runs of one kind are contiguous bytes of one text (equal and removed: the source,
        // added: the query), so each becomes one string.
        var runs: [(kind: DiffPiece.Kind, bytes: Range<Int>)] = []
        func extend(_ kind: DiffPiece.Kind, _ bytes: Range<Int>) {
            if let last = runs.last, last.kind == kind {
                runs[runs.count - 1].bytes = last.bytes.lowerBound..<bytes.upperBound
            } else {
                runs.append((kind, bytes))
            }
        }
        var i = 0, j = 0
        while i < s.count || j < q.count {
            if i < s.count, j < q.count, s[i].key == q[j].key {
                extend(.equal, s[i].bytes); i += 1; j += 1
            } else if j < q.count, i == s.count || table[i * columns + j + 1] > table[(i + 1) * columns + j] {
                extend(.added, q[j].bytes); j += 1
            } else {
                extend(.removed, s[i].bytes); i += 1
            }
        }
        var source = source, query = query
        return source.withUTF8 { sourceBytes in
            query.withUTF8 { queryBytes in
                runs.map { run in
                    let text = run.kind == .added ? queryBytes : sourceBytes
                    return DiffPiece(kind: run.kind, text: String(decoding: UnsafeBufferPointer(rebasing: text[run.bytes]), as: UTF8.self))
                }
            }
        }
    }

    static func tokens(of text: String, unit: ScoringUnit, keys: inout Keys) -> [Token] {
        var text = text
        return text.withUTF8 { bytes in
            var pieces: [Range<Int>] = []
            TextScanner.scan(utf8: bytes, unit: unit) { pieces.append($0.bytes) }
            return pieces.indices.map { number in
                let start = number == 0 ? 0 : pieces[number].lowerBound
                let end = number + 1 < pieces.count ? pieces[number + 1].lowerBound : bytes.count
                return Token(bytes: start..<end, key: keys.key(UnsafeBufferPointer(rebasing: bytes[pieces[number]])))
            }
        }
    }
}
