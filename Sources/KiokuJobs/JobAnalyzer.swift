import KiokuConcurrency
import KiokuFormats
import KiokuMatch
import KiokuText

/// Analyzes job files against a TM: each segment's best match decides its band, as CAT tools
/// count a job before it is quoted.
///
/// Precedence, as in Trados and memoQ: a context match (101: the source and the previous
/// segment both match) wins; otherwise a segment whose source (text and codes) appeared earlier
/// in the job — in the same file or an earlier one — is a repetition; otherwise the best
/// match's score picks the band. Existing targets in the files do not change the analysis.
public struct JobAnalyzer: Sendable {
    public let matcher: Matcher
    public let bands: MatchBands

    public init(matcher: Matcher, bands: MatchBands = .standard) {
        self.matcher = matcher
        self.bands = bands
    }

    /// The analysis of `documents`, in the order given (which decides what repeats what).
    public func analyze(_ documents: [JobDocument]) throws -> JobAnalysis {
        var seen = Set<String>()
        var files: [JobAnalysis.File] = []
        var jobBands = bands.names.map { JobAnalysis.Band(name: $0) }
        var unit = "words"
        for document in documents {
            let (source, target) = try JobLanguages.resolve(document, matcher: matcher)
            if source.language == "ja" || source.language == "zh" || source.language == "ko" { unit = "characters" }
            let scores = try bestScores(document, source: source, target: target)
            var fileBands = bands.names.map { JobAnalysis.Band(name: $0) }
            var results: [JobAnalysis.SegmentResult] = []
            for (index, segment) in document.segments.enumerated() {
                let score = scores[index]
                let key = Self.repetitionKey(segment)
                let band: String
                if let score, score > 100 {
                    band = MatchBands.context
                } else if !seen.insert(key).inserted {
                    band = MatchBands.repetition
                } else {
                    band = bands.band(for: score)
                }
                let count = WordCount(segment.countedText)
                results.append(.init(id: segment.id, line: segment.line, band: band, score: score, words: count.words, characters: count.characters))
                let position = bands.names.firstIndex(of: band) ?? 0
                fileBands[position].add(count)
                jobBands[position].add(count)
            }
            files.append(.init(path: document.path, format: document.format, sourceLanguage: source, targetLanguage: target,
                               bands: fileBands, total: Self.total(fileBands), segments: results))
        }
        return JobAnalysis(bandDefinition: bands, files: files, bands: jobBands, total: Self.total(jobBands), countingUnit: unit)
    }

    /// Segments are repetitions of each other when their text and codes are the same
    /// (white space at the ends aside).
    static func repetitionKey(_ segment: JobSegment) -> String {
        segment.source.text.trimmingWhitespace() + "\u{1}" + segment.source.codes.map(\.native).joined(separator: "\u{1}")
            + (segment.pluralSource.map { "\u{2}" + $0 } ?? "")
    }

    static func total(_ bands: [JobAnalysis.Band]) -> JobAnalysis.Band {
        var total = JobAnalysis.Band(name: "total")
        for band in bands {
            total.segments += band.segments
            total.words += band.words
            total.characters += band.characters
        }
        return total
    }

    /// Each segment's best score at or above the lowest band, looked up on both cores.
    private func bestScores(_ document: JobDocument, source: LanguageTag, target: LanguageTag) throws -> [Int?] {
        let segments = document.segments
        let matcher = self.matcher
        let minimum = bands.minimum
        return try chunkedMap(segments.count, chunk: 64) { index in
            let options = LookupOptions(minimumScore: minimum, maximumResults: 1, context: segments[index].context, parallel: false, wordDiff: false)
            return try matcher.lookup(segments[index].source.text, from: source, to: target, options: options).first?.score
        }
    }
}

extension JobAnalysis.Band {
    mutating func add(_ count: WordCount) {
        segments += 1
        words += count.words
        characters += count.characters
    }
}
