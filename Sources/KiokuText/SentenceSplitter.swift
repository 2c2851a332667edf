/// Splits a paragraph of news text into sentences, by rules written for English, Russian and
/// Japanese rather than ICU's generic ones.
///
/// A sentence ends after `.`, `!`, `?`, `…` (followed by a space and something that can start a
/// sentence) or after `。`, `！`, `？` (no space needed); closing quotes and brackets after the stop
/// stay with the sentence (`… he said.”`, `«…».`, `…。」`). It does not end after an abbreviation
/// (`Mr.`, `Dr.`, `т.е.`, `им.`), an initial (`В. В. Путин`), a list number (`1.`), inside a number
/// (`3.5`, `17:23`), or when the next word starts in lower case (`etc. and`, `г. и`). `U.S.` ends a
/// sentence only when a typical sentence opener follows (`U.S. The …`).
///
/// The pieces are verbatim slices of the paragraph (only the whitespace between them is left out),
/// so an aligner can point back into the document.
///
/// A Japanese quotation closed after its stop and followed by a particle does not end the
/// sentence (`「…実現は可能だ。」と述べた。` is one); stops inside a quotation do (`「…。…」` is two):
/// translations split quotations where their originals do, and an aligner joins pieces more
/// safely than it splits them.
public struct SentenceSplitter: Sendable {
    public let language: LanguageTag
    private let rules: SentenceRules

    public init(language: LanguageTag) {
        self.language = language
        self.rules = SentenceRules.rules(for: language)
    }

    /// The sentences of `text`, in order, without surrounding whitespace; blank pieces are dropped.
    public func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return sentenceRanges(scalars).map { range in
            var string = String.UnicodeScalarView()
            string.append(contentsOf: scalars[range])
            return String(string)
        }
    }

    /// Where the sentences of `scalars` are, as scalar ranges without surrounding whitespace.
    public func sentenceRanges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        func emit(_ end: Int) {
            var lower = start, upper = end
            while lower < upper, scalars[lower].properties.isWhitespace { lower += 1 }
            while upper > lower, scalars[upper - 1].properties.isWhitespace { upper -= 1 }
            if lower < upper { ranges.append(lower..<upper) }
            start = end
        }
        while index < scalars.count {
            let scalar = scalars[index]
            guard SentenceRules.isStop(scalar) else { index += 1; continue }
            var end = index + 1
            while end < scalars.count, SentenceRules.isStop(scalars[end]) || SentenceRules.isCloser(scalars[end]) { end += 1 }
            if breaks(scalars, sentenceStart: start, stop: index, end: end) { emit(end) }
            index = end
        }
        emit(scalars.count)
        return ranges
    }

    /// Whether the stop at `stop`, whose run of stops and closers ends at `end`, ends a sentence.
    private func breaks(_ scalars: [Unicode.Scalar], sentenceStart: Int, stop: Int, end: Int) -> Bool {
        let run = scalars[stop..<end]
        if run.contains(where: SentenceRules.isWideStop) {
            // 「…。」と述べた: a quotation closed after its stop and followed by a particle goes on.
            if let last = run.last, SentenceRules.isCloser(last), end < scalars.count, SentenceRules.continuesAfterQuotation(scalars[end]) {
                return false
            }
            return true
        }
        if end == scalars.count { return true }
        // A Latin stop needs whitespace after it: 3.5, U.S.-Japan, Yahoo!News are not ends.
        guard scalars[end].properties.isWhitespace else { return false }
        var next = end
        while next < scalars.count, scalars[next].properties.isWhitespace { next += 1 }
        if next == scalars.count { return true }
        let following = scalars[next]
        if following.properties.isLowercase { return false }
        // Only a plain full stop (possibly with closers) can belong to an abbreviation.
        let stops = run.filter(SentenceRules.isStop)
        guard stops.allSatisfy({ $0 == "." }), stops.count == 1 else { return true }
        let word = wordBefore(scalars, position: stop, notBefore: sentenceStart)
        if word.isEmpty { return true }
        if rules.isAbbreviation(word) {
            return rules.mayEndSentence(word) && !SentenceRules.isDigit(following)
        }
        if SentenceRules.isInitial(word) { return false }
        if SentenceRules.isDottedAcronym(word) {
            return rules.isSentenceOpener(nextWord(scalars, from: next))
        }
        // "1." opening a list item, "2016." after a space is a year ending a sentence.
        if word.unicodeScalars.allSatisfy(SentenceRules.isDigit), word.unicodeScalars.count <= 2,
           scalars[sentenceStart..<stop].allSatisfy({ SentenceRules.isDigit($0) || $0.properties.isWhitespace }) {
            return false
        }
        return true
    }

    /// The word just before `position` (letters, digits and inner dots), without a leading opener.
    private func wordBefore(_ scalars: [Unicode.Scalar], position: Int, notBefore: Int) -> String {
        var lower = position
        while lower > notBefore {
            let previous = scalars[lower - 1]
            guard previous.properties.isAlphabetic || SentenceRules.isDigit(previous) || previous == "." else { break }
            lower -= 1
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lower..<position])
        return String(view)
    }

    private func nextWord(_ scalars: [Unicode.Scalar], from position: Int) -> String {
        var upper = position
        while upper < scalars.count, scalars[upper].properties.isAlphabetic { upper += 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[position..<upper])
        return String(view)
    }
}
