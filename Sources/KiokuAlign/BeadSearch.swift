import Foundation

/// The dynamic programme at the heart of ``Aligner``: the cheapest sequence of beads through
/// two runs of sentences, where a bead's cost adds its shape's prior, a length cost and the
/// anchors its sides share or miss; and a paragraph break on one side only costs extra.
///
/// The search keeps to a band around the diagonal, widened and rerun when the best path touches
/// its edge, so time and memory grow with document length times band width, not length squared.
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

    let source: [Sentence]
    let target: [Sentence]
    /// Target characters per source character.
    let ratio: Double
    let usesParagraphs: Bool
    /// Length variance per character (Gale and Church's s²), estimated per document pair.
    var lengthVariance = BeadSearch.defaultLengthVariance

    /// Bead shapes and their prior costs (nats), relative to 1-1.
    static let shapes: [(source: Int, target: Int, prior: Double)] = [
        (1, 1, 0.1), (1, 0, omissionPrior), (0, 1, omissionPrior), (2, 1, 3.5), (1, 2, 3.5), (2, 2, 4.5), (3, 1, 5.0), (1, 3, 5.0),
    ]
    /// A sentence with no counterpart. Cheaper than Gale and Church's prior: real documents
    /// drop captions, bylines and asides, and the cost of a 1-0 is only its prior.
    static let omissionPrior = 3.5
    /// Gale and Church's s², the starting point before a document's own is measured.
    static let defaultLengthVariance = 6.8
    /// A paragraph break on one side where the other side has none.
    static let paragraphMismatch = 3.0

    /// The s² these documents show: from the 1-1 beads of `steps`, a robust estimate (the
    /// median squared deviation over the median of χ²₁), kept between 5 (no pair of documents is
    /// trusted to be much tighter than Gale and Church's 6.8) and 25.
    func measuredVariance(_ steps: [Step]) -> Double? {
        var squares: [Double] = []
        for step in steps where step.source.count == 1 && step.target.count == 1 {
            let scale = ratio.squareRoot()
            let a = source[step.source.lowerBound].length * scale, b = target[step.target.lowerBound].length / scale
            let deviation = b - a
            squares.append(deviation * deviation / ((a + b) / 2 + 1))
        }
        guard squares.count >= 8 else { return nil }
        squares.sort()
        return min(max(squares[squares.count / 2] / 0.455, 5), 25)
    }

    func run() -> [Step] {
        let n = source.count, m = target.count
        var width = max(32, abs(n - m) + 32)
        while true {
            let (steps, touchedEdge) = search(width: width)
            if !touchedEdge || width >= max(n, m) { return steps }
            width *= 2
        }
    }

    /// One pass in a band of `width` around the diagonal. A state is (i, j, pending): i source
    /// and j target sentences used, and whether a paragraph break was passed on each side by
    /// 1-0/0-1 beads since the last pairing. A pairing pays `paragraphMismatch` when a break
    /// precedes it on one side only, so an omitted sentence at a paragraph's edge costs nothing extra.
    private func search(width: Int) -> ([Step], Bool) {
        let n = source.count, m = target.count
        let columns = 2 * width + 1
        func center(_ i: Int) -> Int { n == 0 ? 0 : Int((Double(i) * Double(m) / Double(n)).rounded()) }
        func low(_ i: Int) -> Int { max(0, center(i) - width) }
        func high(_ i: Int) -> Int { min(m, center(i) + width) }
        var cost = [Double](repeating: .infinity, count: (n + 1) * columns * 4)
        var back = [UInt8](repeating: .max, count: (n + 1) * columns * 4)
        func cell(_ i: Int, _ j: Int, _ pending: Int) -> Int? {
            let offset = j - low(i)
            guard j >= low(i), j <= high(i), offset < columns else { return nil }
            return (i * columns + offset) * 4 + pending
        }
        func sourceBreak(_ i: Int) -> Bool { i == 0 || source[i].startsParagraph }
        func targetBreak(_ j: Int) -> Bool { j == 0 || target[j].startsParagraph }
        var scratch = AnchorScratch()
        for i in 0...n {
            for j in low(i)...high(i) {
                if i == 0 && j == 0 { cost[cell(0, 0, 0)!] = 0; continue }
                for (shapeIndex, shape) in Self.shapes.enumerated() {
                    let pi = i - shape.source, pj = j - shape.target
                    guard pi >= 0, pj >= 0, cell(pi, pj, 0) != nil else { continue }
                    let bead = beadCost(pi..<i, pj..<j, prior: shape.prior, scratch: &scratch).total
                    for pending in 0..<4 {
                        guard let previous = cell(pi, pj, pending), cost[previous] < .infinity else { continue }
                        var total = cost[previous] + bead
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
                        let here = cell(i, j, next)!
                        if total < cost[here] {
                            cost[here] = total
                            back[here] = UInt8(shapeIndex) | UInt8(pending) << 4
                        }
                    }
                }
            }
        }
        var steps: [Step] = []
        var touched = false
        var i = n, j = m
        var pending = (0..<4).min { cost[cell(n, m, $0)!] < cost[cell(n, m, $1)!] }!
        while i > 0 || j > 0 {
            guard let here = cell(i, j, pending), back[here] != .max else { break }
            if (j == low(i) && low(i) > 0) || (j == high(i) && high(i) < m) { touched = true }
            let shape = Self.shapes[Int(back[here] & 0x0F)]
            pending = Int(back[here] >> 4)
            let bead = beadCost((i - shape.source)..<i, (j - shape.target)..<j, prior: shape.prior, scratch: &scratch)
            steps.append(Step(source: (i - shape.source)..<i, target: (j - shape.target)..<j, lengthCost: bead.length, anchorCost: bead.anchors))
            i -= shape.source
            j -= shape.target
        }
        return (steps.reversed(), touched)
    }

    func beadCost(_ sourceRange: Range<Int>, _ targetRange: Range<Int>, prior: Double, scratch: inout AnchorScratch)
        -> (total: Double, length: Double, anchors: Double) {
        if sourceRange.isEmpty || targetRange.isEmpty { return (prior, 0, 0) }
        var a = 0.0, b = 0.0
        for index in sourceRange { a += source[index].length }
        for index in targetRange { b += target[index].length }
        // Both lengths meet halfway (× and ÷ √ratio), so that the cost is the same whichever
        // side is called the source.
        let scale = ratio.squareRoot()
        let length = Self.lengthCost(source: a * scale, target: b / scale, variance: lengthVariance)
        scratch.left.removeAll(keepingCapacity: true)
        scratch.right.removeAll(keepingCapacity: true)
        for index in sourceRange { scratch.left += source[index].anchors }
        for index in targetRange { scratch.right += target[index].anchors }
        let anchors = scratch.cost(sortingLeft: sourceRange.count > 1, sortingRight: targetRange.count > 1)
        var inside = 0.0
        if usesParagraphs {
            var breaks = 0
            for index in sourceRange.dropFirst() where source[index].startsParagraph { breaks += 1 }
            for index in targetRange.dropFirst() where target[index].startsParagraph { breaks -= 1 }
            inside = Double(abs(breaks)) * Self.paragraphMismatch
        }
        return (prior + length + anchors + inside, length, anchors)
    }

    /// −log of the two-sided tail probability of the length difference (Gale and Church, with
    /// the target's length brought to source characters by the document's ratio).
    static func lengthCost(source a: Double, target b: Double, variance: Double) -> Double {
        let delta = (b - a) / (variance * ((a + b) / 2 + 1)).squareRoot()
        let tail = erfc(abs(delta) / 2.0.squareRoot())
        return -log(max(tail, 1e-300))
    }
}
