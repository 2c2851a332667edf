import KiokuText

/// The scoring rules, in one place (docs/fuzzy-matching.md, "How scores are made"):
///
/// - base = ⌊100 × (M − d) / M⌋, M = max(|q|, |c|), d = Levenshtein distance over the
///   matching-form tokens with every placeable (number or placeholder) as one class (`#`);
/// - then 1 point off for each placeable that differs, 1 if the punctuation differs, 1 if
///   the texts differ only in case, width, spacing or quote style; a text that differs
///   in any way never scores 100;
/// - 101 for an identical text whose unit has the caller's context.
///
/// The index filters on the base score, which is never below the final score, so
/// filtering on it loses nothing.
enum MatchScoring {
    static func base(distance: Int, queryLength: Int, candidateLength: Int) -> Int {
        let longest = max(queryLength, candidateLength)
        guard longest > 0 else { return 100 }
        return 100 * (longest - distance) / longest
    }

    /// The smallest number of shared tokens a candidate of `candidateLength` needs to reach `minimum`.
    static func requiredShared(queryLength: Int, candidateLength: Int, minimum: Int) -> Int {
        (max(queryLength, candidateLength) * minimum + 99) / 100
    }

    /// The candidate lengths that can reach `minimum` against a query of `queryLength`.
    static func lengthRange(queryLength n: Int, minimum: Int) -> ClosedRange<Int> {
        guard minimum > 0 else { return 0...Int.max }
        return (n * minimum + 99) / 100 ... (100 * n) / minimum
    }

    struct Final {
        var score: Int
        /// The texts differ in placeables only (the target can then be adapted).
        var numbersOnly: Bool
    }

    /// The query's side of the final score, computed once per lookup.
    struct Query {
        let text: String
        let form: ScoringForm
        let classKeys: [String]
        let unit: ScoringUnit

        init(text: String, form: MatchForm, unit: ScoringUnit) {
            self.text = text
            self.form = ScoringForm(form)
            classKeys = form.classKeys
            self.unit = unit
        }
    }

    static func final(query prepared: Query, candidate: String, candidateForm: ScoringForm, base: Int) -> Final {
        let query = prepared.text, queryForm = prepared.form
        var score = base
        var pairs: [(String, String)] = []
        let queryNumbers = queryForm.numbers, candidateNumbers = candidateForm.numbers
        if queryNumbers.count == candidateNumbers.count {
            for (q, c) in zip(queryNumbers, candidateNumbers) where q != c {
                pairs.append((c, q))
            }
            score -= pairs.count
        }
        if queryForm.punctuation != candidateForm.punctuation { score -= 1 }
        if query != candidate, queryForm.normalized == candidateForm.normalized { score -= 1 }
        if query != candidate { score = min(score, 99) }
        // the candidate's tokens are only made when placeables differ (rare)
        let numbersOnly = !pairs.isEmpty && prepared.classKeys == MatchForm(candidate, unit: prepared.unit).classKeys
        return Final(score: max(0, score), numbersOnly: numbersOnly)
    }

    /// The placeables to carry over: each of the TM source's placeables that differs from the
    /// query's in the same place, with the query's — numbers in their matching form (ASCII
    /// digits), placeholders as written (`[X10X]` keeps its case). Nil when the two texts do
    /// not have the same number of placeables.
    static func placeablePairs(query: String, source: String, unit: ScoringUnit) -> [(from: String, to: String)]? {
        let normalizer = MatchNormalizer()
        func placeables(_ text: String) -> [(written: String, key: String)] {
            TextScanner.placeables(in: text, unit: unit).map { written in
                let key = normalizer.normalize(written)
                return (key.first?.isNumber == true ? key : written, key)
            }
        }
        let queryPlaceables = placeables(query), sourcePlaceables = placeables(source)
        guard queryPlaceables.count == sourcePlaceables.count else { return nil }
        return zip(sourcePlaceables, queryPlaceables).filter { $0.key != $1.key }.map { ($0.written, $1.written) }
    }

    /// The target with each TM placeable replaced by the query's, or nil when one does not
    /// occur exactly once in the target as a whole number or placeholder.
    static func adapt(target: String, pairs: [(from: String, to: String)]) -> String? {
        var result = target
        for (from, to) in pairs {
            let ranges = standaloneOccurrences(of: from, in: result)
            guard ranges.count == 1 else { return nil }
            result.replaceSubrange(ranges[0], with: to)
        }
        return result
    }

    private static func standaloneOccurrences(of number: String, in text: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var start = text.startIndex
        while let range = text.firstRange(of: number, from: start) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
            if !before.isNumber, !after.isNumber { found.append(range) }
            start = range.upperBound
        }
        return found
    }
}
