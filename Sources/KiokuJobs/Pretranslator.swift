import KiokuConcurrency
import KiokuFormats
import KiokuMatch
import KiokuMemory
import KiokuTerms
import KiokuText

/// Pre-translates a job file from a TM: for every segment not yet translated, the best
/// matches become candidates, and the best one fills the target when it reaches `fill` and
/// its inline codes can be put onto the segment's own. Numbers are adapted as `lookup` adapts
/// them, and every filled target is checked against the glossary.
public struct Pretranslator: Sendable {
    public let matcher: Matcher
    public let options: PretranslateOptions

    public init(matcher: Matcher, options: PretranslateOptions = PretranslateOptions()) {
        self.matcher = matcher
        self.options = options
    }

    /// The fills for `document` (by segment index) and what they add up to.
    public func fills(for document: JobDocument) throws -> (fills: [Int: SegmentFill], report: PretranslationReport) {
        let (source, target) = try JobLanguages.resolve(document, matcher: matcher)
        let found = try candidates(document, source: source, target: target)
        let checker = options.glossary.map { GlossaryChecker(glossary: $0, source: source, target: target) }
        let pluralCount = document.pluralCount
        var report = PretranslationReport()
        var fills: [Int: SegmentFill] = [:]
        for (index, segment) in document.segments.enumerated() {
            report.segments += 1
            if segment.isTranslated, !options.overwrite { report.keptTranslated += 1; continue }
            let candidates = found[index]
            guard let best = candidates.first else { report.noMatch += 1; continue }
            var fill = SegmentFill(target: nil, quality: .fuzzyMatch, score: best.candidate.score, origin: best.candidate.origin,
                                   candidates: candidates.map(\.candidate), notes: [])
            if best.candidate.score >= options.fill {
                fill.quality = best.candidate.score > 100 ? .contextMatch : best.candidate.score == 100 ? .exactMatch : .fuzzyMatch
                if let adapted = best.adapted {
                    fill.target = adapted
                    fill.quality = .adapted
                } else {
                    fill.target = best.candidate.placed?.target
                }
                if segment.pluralSource != nil {
                    fill.pluralTargets = best.pluralForms(for: segment, count: pluralCount)
                    fill.target = fill.pluralTargets == nil ? nil : fill.target
                }
                if !fill.fills, segment.pluralSource == nil { report.codesNotPlaced += 1 }
            }
            if let filled = fill.target, let checker {
                let findings = checker.check(source: segment.source.text, target: filled.plainText, location: "glossary")
                fill.notes = findings.map(\.description)
                report.glossaryNotes += findings.count
            }
            if fill.fills {
                report.filled[fill.quality.rawValue, default: 0] += 1
            } else {
                report.candidatesOnly += 1
            }
            fills[index] = fill
        }
        return (fills, report)
    }

    /// A match as pre-translation uses it.
    struct Found: Sendable {
        var candidate: FillCandidate
        /// The target with the job's numbers, when only numbers differ and the target has no codes.
        var adapted: [InlinePiece]?
        /// The TM unit's properties (plural forms of a PO entry live there).
        var properties: [Property]

        /// A PO plural entry's forms from the TM unit, when it was imported from the same plural entry.
        func pluralForms(for segment: JobSegment, count: Int?) -> [String]? {
            guard properties.first(where: { $0.type == POProperties.msgidPlural })?.value == segment.pluralSource else { return nil }
            let forms = [candidate.storedTarget.text] + properties.filter { $0.type == POProperties.pluralForm }.map(\.value)
            guard count == nil || forms.count == count else { return nil }
            return forms
        }
    }

    /// Each segment's candidates, best first, looked up on both cores.
    private func candidates(_ document: JobDocument, source: LanguageTag, target: LanguageTag) throws -> [[Found]] {
        let segments = document.segments
        let matcher = self.matcher
        let options = self.options
        return try chunkedMap(segments.count, chunk: 32) { index -> [Found]? in
            let segment = segments[index]
            if segment.isTranslated, !options.overwrite { return nil }
            return try Self.found(segment, matcher: matcher, source: source, target: target, options: options)
        }.map { $0 ?? [] }
    }

    private static func found(_ segment: JobSegment, matcher: Matcher, source: LanguageTag, target: LanguageTag,
                              options: PretranslateOptions) throws -> [Found] {
        let lookup = LookupOptions(minimumScore: min(options.minimum, options.fill), maximumResults: options.maximumCandidates,
                                   context: segment.context, parallel: false, wordDiff: false)
        var found: [Found] = []
        for (match, stored) in try matcher.lookupUnits(segment.source.text, from: source, to: target, options: lookup) {
            guard let tmSource = stored.unit.variants.first(where: { $0.language == match.sourceLanguage }),
                  let tmTarget = stored.unit.variants.first(where: { $0.language == match.targetLanguage })
            else { continue }
            let placed = InlineCodeTransfer.transfer(tmSource: tmSource.segment, tmTarget: tmTarget.segment, jobSource: segment.source)
            var adapted: [InlinePiece]?
            if let text = match.adaptedTarget, text != tmTarget.segment.text, tmTarget.segment.markup == nil, segment.source.markup == nil {
                adapted = [.text(text)]
            }
            let candidate = FillCandidate(score: match.score, origin: stored.origin, source: tmSource.segment,
                                          placed: placed, storedTarget: tmTarget.segment)
            found.append(Found(candidate: candidate, adapted: adapted, properties: stored.unit.metadata.properties))
        }
        return found
    }
}
