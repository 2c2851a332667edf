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

    /// Bead shapes and their prior costs (nats), relative to 1-1.
    static let shapes: [(source: Int, target: Int, prior: Double)] = [
        (1, 1, 0.1), (1, 0, omissionPrior), (0, 1, omissionPrior), (2, 1, 2.8), (1, 2, 2.8), (2, 2, 4.5), (3, 1, 5.0), (1, 3, 5.0),
    ]
    static let omissionPrior = 4.6
    /// Length variance per character (Gale and Church's s², measured on news translations).
    static let lengthVariance = 6.8
    /// A paragraph break on one side where the other side has none.
    static let paragraphMismatch = 3.0

    func run() -> [Step] {
        let n = source.count, m = target.count
        var width = max(32, abs(n - m) + 32)
        while true {
            let (steps, touchedEdge) = search(width: width)
            if !touchedEdge || width >= max(n, m) { return steps }
            width *= 2
        }
    }

    private func search(width: Int) -> ([Step], Bool) {
        let n = source.count, m = target.count
        let columns = 2 * width + 1
        func low(_ i: Int) -> Int { max(0, center(i) - width) }
        func high(_ i: Int) -> Int { min(m, center(i) + width) }
        func center(_ i: Int) -> Int { n == 0 ? 0 : Int((Double(i) * Double(m) / Double(n)).rounded()) }
        var cost = [Double](repeating: .infinity, count: (n + 1) * columns)
        var back = [UInt8](repeating: .max, count: (n + 1) * columns)
        func cell(_ i: Int, _ j: Int) -> Int? {
            let offset = j - low(i)
            guard j >= low(i), j <= high(i), offset < columns else { return nil }
            return i * columns + offset
        }
        var scratch = AnchorScratch()
        for i in 0...n {
            for j in low(i)...high(i) {
                guard let here = cell(i, j) else { continue }
                if i == 0 && j == 0 { cost[here] = 0; continue }
                var best = Double.infinity, bestShape = UInt8.max
                for (shapeIndex, shape) in Self.shapes.enumerated() {
                    let pi = i - shape.source, pj = j - shape.target
                    guard pi >= 0, pj >= 0, let previous = cell(pi, pj), cost[previous] < .infinity else { continue }
                    let bead = beadCost(pi..<i, pj..<j, prior: shape.prior, scratch: &scratch)
                    let total = cost[previous] + bead.total
                    if total < best { best = total; bestShape = UInt8(shapeIndex) }
                }
                cost[here] = best + boundaryCost(i, j)
                back[here] = bestShape
            }
        }
        var steps: [Step] = []
        var touched = false
        var i = n, j = m
        while i > 0 || j > 0 {
            guard let here = cell(i, j), back[here] != .max else { break }
            if (j == low(i) && low(i) > 0) || (j == high(i) && high(i) < m) { touched = true }
            let shape = Self.shapes[Int(back[here])]
            let bead = beadCost((i - shape.source)..<i, (j - shape.target)..<j, prior: shape.prior, scratch: &scratch)
            steps.append(Step(source: (i - shape.source)..<i, target: (j - shape.target)..<j, lengthCost: bead.length, anchorCost: bead.anchors))
            i -= shape.source
            j -= shape.target
        }
        return (steps.reversed(), touched)
    }

    /// A paragraph break on one side only, at the point between beads (i, j).
    private func boundaryCost(_ i: Int, _ j: Int) -> Double {
        guard usesParagraphs else { return 0 }
        let sourceBreak = i == 0 || i == source.count || source[i].startsParagraph
        let targetBreak = j == 0 || j == target.count || target[j].startsParagraph
        return sourceBreak == targetBreak ? 0 : Self.paragraphMismatch
    }

    func beadCost(_ sourceRange: Range<Int>, _ targetRange: Range<Int>, prior: Double, scratch: inout AnchorScratch)
        -> (total: Double, length: Double, anchors: Double) {
        if sourceRange.isEmpty || targetRange.isEmpty { return (prior, 0, 0) }
        var a = 0.0, b = 0.0
        for index in sourceRange { a += source[index].length }
        for index in targetRange { b += target[index].length }
        let length = Self.lengthCost(source: a, target: b / ratio)
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
    static func lengthCost(source a: Double, target b: Double) -> Double {
        let delta = (b - a) / (lengthVariance * ((a + b) / 2 + 1)).squareRoot()
        let tail = erfc(abs(delta) / 2.0.squareRoot())
        return -log(max(tail, 1e-300))
    }
}
