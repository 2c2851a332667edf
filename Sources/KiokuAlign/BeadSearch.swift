import Foundation

/// The dynamic programme at the heart of ``Aligner``: the cheapest sequence of beads through
/// two runs of sentences, where a bead's cost adds its shape's prior, a length cost and the
/// anchors its sides share or miss; and a paragraph break on one side only costs extra.
///
/// The search keeps to a band: first around the length diagonal, then (for the second pass) around the
/// first pass's path. When the best path touches the band's edge the band is widened and the pass
/// rerun, so time and memory grow with document length times band width, not length squared.
struct BeadSearch {
    struct Sentence {
        /// Characters that are not whitespace.
        var length: Double
        var anchors: [Anchor]
        /// True when a paragraph starts with this sentence.
        var startsParagraph: Bool
    }

    struct Step {
        var source: Range<Int>
        var target: Range<Int>
        /// The bead's own cost without the paragraph terms.
        var lengthCost: Double
        var anchorCost: Double
    }

    /// One side's sentences in flat arrays (no reference counting in the inner loop).
    struct Side {
        /// Lengths brought halfway to the other side's scale (× or ÷ √ratio), so that the cost is
        /// the same whichever side is called the source.
        var lengths: [Double]
        var breaks: [Bool]
        /// Anchors of sentence k are `anchors[anchorStart[k]..<anchorStart[k + 1]]`.
        var anchors: [Anchor]
        var anchorStart: [Int]
        /// One more than the largest anchor key.
        var keyLimit: Int
        /// The miss penalties of sentence k's anchors that expect a partner.
        var missSums: [Double]

        init(_ sentences: [Sentence], scale: Double) {
            lengths = sentences.map { $0.length * scale }
            breaks = sentences.map(\.startsParagraph)
            anchors = []
            anchorStart = [0]
            missSums = []
            keyLimit = 0
            for sentence in sentences {
                keyLimit = max(keyLimit, Int((sentence.anchors.map(\.key).max() ?? -1) + 1))
                anchors += sentence.anchors
                anchorStart.append(anchors.count)
                missSums.append(sentence.anchors.reduce(0) { $0 + ($1.expectsPartner ? $1.kind.missPenalty : 0) })
            }
        }

        var count: Int { lengths.count }
    }

    let source: Side
    let target: Side
    /// Target characters per source character.
    let ratio: Double
    let usesParagraphs: Bool
    /// Length variance per character (Gale and Church's s²), estimated per document pair.
    var lengthVariance = BeadSearch.defaultLengthVariance

    init(source: [Sentence], target: [Sentence], ratio: Double, usesParagraphs: Bool) {
        let scale = ratio.squareRoot()
        self.source = Side(source, scale: scale)
        self.target = Side(target, scale: 1 / scale)
        self.ratio = ratio
        self.usesParagraphs = usesParagraphs
    }

    /// Bead shapes and their prior costs (nats), relative to 1-1.
    static let shapes: [(source: Int, target: Int, prior: Double)] = [
        (1, 1, 0.1), (1, 0, omissionPrior), (0, 1, omissionPrior), (2, 1, 3.5), (1, 2, 3.5), (2, 2, 4.5), (3, 1, 5.0), (1, 3, 5.0),
    ]
    /// The prior of a bead of `source` × `target` sentences; nil for a shape the search never makes.
    static func prior(source: Int, target: Int) -> Double? {
        shapes.first { $0.source == source && $0.target == target }?.prior
    }

    /// A sentence with no counterpart. Cheaper than Gale and Church's prior: real documents
    /// drop captions, bylines and asides, and the cost of a 1-0 is only its prior.
    static let omissionPrior = 3.5
    /// Gale and Church's s², the starting point before a document's own is measured.
    static let defaultLengthVariance = 6.8
    /// A paragraph break on one side where the other side has none.
    static let paragraphMismatch = 3.0
    /// How many sentences away from the length diagonal, or from the first pass's path, the
    /// search looks at first.
    static let initialMargin = 24

    /// The s² these documents show: from the 1-1 beads of `steps`, a robust estimate (the
    /// median squared deviation over the median of χ²₁), kept between 5 (no pair of documents is
    /// trusted to be much tighter than Gale and Church's 6.8) and 25.
    func measuredVariance(_ steps: [Step]) -> Double? {
        var squares: [Double] = []
        for step in steps where step.source.count == 1 && step.target.count == 1 {
            let a = source.lengths[step.source.lowerBound], b = target.lengths[step.target.lowerBound]
            let deviation = b - a
            squares.append(deviation * deviation / ((a + b) / 2 + 1))
        }
        guard squares.count >= 8 else { return nil }
        squares.sort()
        return min(max(squares[squares.count / 2] / 0.455, 5), 25)
    }

    /// The cheapest path: in a band around the length diagonal, or around `previous` when given.
    /// When the path touches the band's edge, the band is centred on that path and doubled, so
    /// each pass moves the path further toward where the documents really correspond.
    func run(around previous: [Step]? = nil) -> [Step] {
        let n = source.count, m = target.count
        var margin = Self.initialMargin
        var center = previous
        while true {
            let band = center.map { Band(around: $0, n: n, m: m, margin: margin) }
                ?? Band(lengthDiagonalOf: source.lengths, target.lengths, margin: margin)
            let (steps, touchedEdge) = search(band)
            if !touchedEdge || margin >= max(n, m) { return steps }
            center = steps
            margin *= 2
        }
    }

    /// For each source position i, the target positions the search considers.
    struct Band {
        var low: [Int]
        var high: [Int]
        /// Where row i's cells start in the flat tables (4 cells per position, see `search`).
        var rowStart: [Int]

        /// Around the line where the text before i source sentences and before j target sentences
        /// is equally long (both sides' lengths are on one scale): sentence counts drift apart
        /// where one side leaves sentences out, the amount of text does not.
        init(lengthDiagonalOf source: [Double], _ target: [Double], margin: Int) {
            let n = source.count, m = target.count
            low = []; high = []
            var targetBefore = [0.0]
            for length in target { targetBefore.append(targetBefore.last! + length) }
            let scale = targetBefore.last! > 0 ? targetBefore.last! / max(source.reduce(0, +), 1) : 1
            var sourceBefore = 0.0, j = 0
            for i in 0...n {
                if i > 0 { sourceBefore += source[i - 1] * scale }
                while j < m, targetBefore[j + 1] <= sourceBefore { j += 1 }
                let center = i == n ? m : j
                low.append(max(0, center - margin))
                high.append(min(m, center + margin))
            }
            rowStart = Self.starts(low, high)
        }

        init(around steps: [Step], n: Int, m: Int, margin: Int) {
            var pathLow = [Int](repeating: m, count: n + 1), pathHigh = [Int](repeating: 0, count: n + 1)
            pathLow[0] = 0
            for step in steps {
                for row in step.source.lowerBound...step.source.upperBound {
                    pathLow[row] = min(pathLow[row], step.target.lowerBound)
                    pathHigh[row] = max(pathHigh[row], step.target.upperBound)
                }
            }
            pathHigh[n] = m
            low = pathLow.map { max(0, $0 - margin) }
            high = pathHigh.map { min(m, $0 + margin) }
            rowStart = Self.starts(low, high)
        }

        private static func starts(_ low: [Int], _ high: [Int]) -> [Int] {
            var starts = [0]
            for (lower, upper) in zip(low, high) { starts.append(starts.last! + (upper - lower + 1) * 4) }
            return starts
        }

        func cell(_ i: Int, _ j: Int, _ pending: Int) -> Int? {
            guard j >= low[i], j <= high[i] else { return nil }
            return rowStart[i] + (j - low[i]) * 4 + pending
        }
    }

    /// One pass in `band`. A state is (i, j, pending): i source and j target sentences used, and
    /// whether a paragraph break was passed on each side by 1-0/0-1 beads since the last pairing.
    /// A pairing pays `paragraphMismatch` when a break precedes it on one side only, so an omitted
    /// sentence at a paragraph's edge costs nothing extra.
    private func search(_ band: Band) -> ([Step], Bool) {
        let n = source.count, m = target.count
        // Back pointers for every cell; costs only for the last four rows (a bead spans at most
        // three source sentences), so memory is one byte a cell.
        var back = [UInt8](repeating: .max, count: band.rowStart[n + 1])
        let rowWidth = zip(band.low, band.high).map { ($1 - $0 + 1) * 4 }.max() ?? 4
        var costs = [[Double]](repeating: [Double](repeating: .infinity, count: rowWidth), count: 4)
        func sourceBreak(_ i: Int) -> Bool { i == 0 || source.breaks[i] }
        func targetBreak(_ j: Int) -> Bool { j == 0 || target.breaks[j] }
        var scratch = makeScratch()
        let shapes = Self.shapes
        for i in 0...n {
            let row = i % 4
            for index in 0..<((band.high[i] - band.low[i] + 1) * 4) { costs[row][index] = .infinity }
            if i == 0 { costs[0][(0 - band.low[0]) * 4] = 0 }
            for j in band.low[i]...band.high[i] where i > 0 || j > 0 {
                let here = (j - band.low[i]) * 4
                for shapeIndex in shapes.indices {
                    let shape = shapes[shapeIndex]
                    let pi = i - shape.source, pj = j - shape.target
                    guard pi >= 0, pj >= 0, pj >= band.low[pi], pj <= band.high[pi] else { continue }
                    let previousRow = pi % 4, first = (pj - band.low[pi]) * 4
                    let before = costs[previousRow]
                    guard before[first] < .infinity || before[first + 1] < .infinity || before[first + 2] < .infinity || before[first + 3] < .infinity
                    else { continue }
                    let bead = beadCost(pi..<i, pj..<j, prior: shape.prior, scratch: &scratch).total
                    for pending in 0..<4 {
                        guard costs[previousRow][first + pending] < .infinity else { continue }
                        var total = costs[previousRow][first + pending] + bead
                        let next: Int
                        if shape.target == 0 {
                            next = pending | (usesParagraphs && sourceBreak(pi) ? 1 : 0)
                        } else if shape.source == 0 {
                            next = pending | (usesParagraphs && targetBreak(pj) ? 2 : 0)
                        } else {
                            next = 0
                            if usesParagraphs, (pending & 1 != 0 || sourceBreak(pi)) != (pending & 2 != 0 || targetBreak(pj)) {
                                total += Self.paragraphMismatch
                            }
                        }
                        if total < costs[row][here + next] {
                            costs[row][here + next] = total
                            back[band.rowStart[i] + here + next] = UInt8(shapeIndex) | UInt8(pending) << 4
                        }
                    }
                }
            }
        }
        let end = (m - band.low[n]) * 4
        let last = costs[n % 4]
        var steps: [Step] = []
        var touched = false
        var i = n, j = m
        var pending = (0..<4).min { last[end + $0] < last[end + $1] }!
        while i > 0 || j > 0 {
            guard let here = band.cell(i, j, pending), back[here] != .max else { break }
            if (j == band.low[i] && band.low[i] > 0) || (j == band.high[i] && band.high[i] < m) { touched = true }
            let shape = Self.shapes[Int(back[here] & 0x0F)]
            pending = Int(back[here] >> 4)
            let bead = beadCost((i - shape.source)..<i, (j - shape.target)..<j, prior: shape.prior, scratch: &scratch)
            steps.append(Step(source: (i - shape.source)..<i, target: (j - shape.target)..<j, lengthCost: bead.length, anchorCost: bead.anchors))
            i -= shape.source
            j -= shape.target
        }
        return (steps.reversed(), touched)
    }

    /// Counters for every anchor key of both documents.
    func makeScratch() -> AnchorScratch { AnchorScratch(vocabularySize: max(source.keyLimit, target.keyLimit)) }

    func beadCost(_ sourceRange: Range<Int>, _ targetRange: Range<Int>, prior: Double, scratch: inout AnchorScratch)
        -> (total: Double, length: Double, anchors: Double) {
        if sourceRange.isEmpty || targetRange.isEmpty { return (prior, 0, 0) }
        var a = 0.0, b = 0.0
        for index in sourceRange { a += source.lengths[index] }
        for index in targetRange { b += target.lengths[index] }
        let length = LengthCost.cost(source: a, target: b, variance: lengthVariance)
        let anchors = scratch.cost(source, sourceRange, target, targetRange)
        var inside = 0.0
        if usesParagraphs {
            var breaks = 0
            for index in sourceRange.dropFirst() where source.breaks[index] { breaks += 1 }
            for index in targetRange.dropFirst() where target.breaks[index] { breaks -= 1 }
            inside = Double(abs(breaks)) * Self.paragraphMismatch
        }
        return (prior + length + anchors + inside, length, anchors)
    }
}
