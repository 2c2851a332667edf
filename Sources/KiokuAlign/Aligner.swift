import Foundation
import KiokuText

/// Aligns a document with its translation, sentence by sentence.
///
/// Each side is split into sentences (KiokuText's `SentenceSplitter`), then a bead search finds the
/// cheapest chain of beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3) under a length model whose
/// ratio is estimated from the two documents (Japanese has about 0.4× the characters of its
/// English), anchors a length model cannot see (numbers, glossary names, transliterated names,
/// Latin words, ? and !, quotes), and paragraph breaks that fall together. Neither side is
/// assumed to be English or the original.
public struct Aligner: Sendable {
    public var options: AlignmentOptions

    public init(options: AlignmentOptions = AlignmentOptions()) {
        self.options = options
    }

    /// Below this score a bead is doubtful (reported, and left out by `--min-score` defaults).
    public static let doubtfulScore = 0.5

    public func align(_ source: AlignDocument, _ target: AlignDocument) throws(AlignError) -> Alignment {
        var warnings: [AlignWarning] = []
        for document in [source, target] {
            guard document.paragraphs.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else { throw .empty(file: document.name) }
            if let expected = Script.expected(for: document.language), let found = Script.dominant(in: document.paragraphs),
               found.script != expected, found.share > 0.6 {
                warnings.append(.wrongScript(file: document.name, language: document.language.identifier, script: found.script.rawValue))
            }
        }
        let sourceSentences = Self.sentences(of: source)
        let targetSentences = Self.sentences(of: target)

        let vocabulary = AnchorVocabulary()
        let lexicon = options.knownPairs.isEmpty ? nil
            : AlignmentLexicon(pairs: options.knownPairs, sourceLanguage: source.language, targetLanguage: target.language)
        let sourceExtractor = AnchorExtractor(language: source.language, otherLanguage: target.language, vocabulary: vocabulary,
                                              kinds: options.anchorKinds, glossary: options.glossary, lexicon: lexicon)
        let targetExtractor = AnchorExtractor(language: target.language, otherLanguage: source.language, vocabulary: vocabulary,
                                              kinds: options.anchorKinds, glossary: options.glossary, lexicon: lexicon)
        // A Latin-script side only answers the Latin words the other side kept, so that side goes first.
        let sourceFirst = !AnchorExtractor.writesInLatin(source.language)
        var sourceFeatures: [BeadSearch.Sentence] = []
        var targetFeatures: [BeadSearch.Sentence] = []
        if sourceFirst {
            sourceFeatures = Self.features(sourceSentences, sourceExtractor)
            targetFeatures = Self.features(targetSentences, targetExtractor)
        } else {
            targetFeatures = Self.features(targetSentences, targetExtractor)
            sourceFeatures = Self.features(sourceSentences, sourceExtractor)
        }
        let sourceLength = sourceFeatures.reduce(0) { $0 + $1.length }
        let targetLength = targetFeatures.reduce(0) { $0 + $1.length }
        let ratio = sourceLength > 0 && targetLength > 0 ? targetLength / sourceLength : 1

        var search = BeadSearch(source: sourceFeatures, target: targetFeatures, ratio: ratio, usesParagraphs: options.usesParagraphs)
        var steps = search.run()
        // A second pass with the length variance these two documents show (tight translations
        // make omissions stand out; loose ones should not be cut into 1-0 and 0-1).
        if let variance = search.measuredVariance(steps) {
            search.lengthVariance = variance
            steps = search.run(around: steps)
        }
        let beads = Self.scored(steps, search: search)

        let expected = Self.expectedRatio(source, target)
        if ratio / expected > 2.5 || ratio / expected < 0.4 { warnings.append(.lengthMismatch(ratio: ratio, expected: expected)) }
        let doubtful = beads.filter { $0.score < Self.doubtfulScore }.count
        if beads.count >= 4, Double(doubtful) > 0.3 * Double(beads.count) { warnings.append(.weakAlignment(doubtful: doubtful, of: beads.count)) }
        return Alignment(sourceLanguage: source.language, targetLanguage: target.language, source: sourceSentences,
                         target: targetSentences, beads: beads, lengthRatio: ratio, warnings: warnings)
    }

    static func sentences(of document: AlignDocument) -> [AlignSentence] {
        let splitter = SentenceSplitter(language: document.language)
        var sentences: [AlignSentence] = []
        for (index, paragraph) in document.paragraphs.enumerated() {
            for sentence in splitter.sentences(paragraph) { sentences.append(AlignSentence(paragraph: index, text: sentence)) }
        }
        return sentences
    }

    private static func features(_ sentences: [AlignSentence], _ extractor: AnchorExtractor) -> [BeadSearch.Sentence] {
        var previousParagraph = -1
        return sentences.map { sentence in
            defer { previousParagraph = sentence.paragraph }
            let length = Double(sentence.text.unicodeScalars.lazy.filter { !$0.properties.isWhitespace }.count)
            return BeadSearch.Sentence(length: length, anchors: extractor.anchors(of: sentence.text),
                                       startsParagraph: sentence.paragraph != previousParagraph)
        }
    }

    /// Scores: for a pairing, how well its lengths and anchors agree; for a 1-0 or 0-1, how much
    /// worse it would be to glue the sentence to the pairing next to it.
    private static func scored(_ steps: [BeadSearch.Step], search: BeadSearch) -> [Bead] {
        var scratch = search.makeScratch()
        func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
        func cost(_ source: Range<Int>, _ target: Range<Int>) -> Double {
            // Gluing an omission to its neighbour can make a shape the search never uses (3-2):
            // it costs as much as the rarest shape would.
            let prior = BeadSearch.prior(source: source.count, target: target.count) ?? 10
            return search.beadCost(source, target, prior: prior, scratch: &scratch).total
        }
        return steps.indices.map { index in
            let step = steps[index]
            if !step.source.isEmpty && !step.target.isEmpty {
                let prior = BeadSearch.prior(source: step.source.count, target: step.target.count)!
                return Bead(source: step.source, target: step.target, score: sigmoid(3 - step.lengthCost - step.anchorCost - (prior - 0.1)))
            }
            var margins: [Double] = []
            for neighbour in [index - 1, index + 1] where steps.indices.contains(neighbour) {
                let other = steps[neighbour]
                guard !other.source.isEmpty, !other.target.isEmpty, other.source.count + step.source.count <= 3,
                      other.target.count + step.target.count <= 3 else { continue }
                let source = min(other.source.lowerBound, step.source.lowerBound)..<max(other.source.upperBound, step.source.upperBound)
                let target = min(other.target.lowerBound, step.target.lowerBound)..<max(other.target.upperBound, step.target.upperBound)
                margins.append(cost(source, target) - cost(other.source, other.target) - BeadSearch.omissionPrior)
            }
            return Bead(source: step.source, target: step.target, score: sigmoid(margins.min() ?? 3))
        }
    }

    private static func expectedRatio(_ source: AlignDocument, _ target: AlignDocument) -> Double {
        let sourceScript = Script.expected(for: source.language) ?? Script.dominant(in: source.paragraphs)?.script ?? .latin
        let targetScript = Script.expected(for: target.language) ?? Script.dominant(in: target.paragraphs)?.script ?? .latin
        return targetScript.relativeLength / sourceScript.relativeLength
    }
}
