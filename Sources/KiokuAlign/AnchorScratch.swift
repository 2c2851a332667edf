/// Scores the anchors of a bead's two sides with a counter per anchor key (reused, so no
/// allocation and no sorting per bead).
struct AnchorScratch {
    /// How many source-side anchors with each key are still unmatched.
    private var counts: [Int32]

    static let maximumMissPenalty = 3.0

    init(vocabularySize: Int) {
        counts = [Int32](repeating: 0, count: vocabularySize)
    }

    /// The anchor cost of pairing sentences `sourceRange` with `targetRange`: a bonus for each
    /// anchor both sides share, a penalty for each one-sided anchor that a translation would
    /// normally carry. Misses saturate: a number spelt in words or a name the glossary lacks
    /// should not outweigh what the lengths say.
    mutating func cost(_ source: BeadSearch.Side, _ sourceRange: Range<Int>,
                       _ target: BeadSearch.Side, _ targetRange: Range<Int>) -> Double {
        let sourceAnchors = source.anchorStart[sourceRange.lowerBound]..<source.anchorStart[sourceRange.upperBound]
        let targetAnchors = target.anchorStart[targetRange.lowerBound]..<target.anchorStart[targetRange.upperBound]
        if sourceAnchors.isEmpty || targetAnchors.isEmpty {
            var penalty = 0.0
            for index in sourceRange { penalty += source.missSums[index] }
            for index in targetRange { penalty += target.missSums[index] }
            return min(penalty, Self.maximumMissPenalty)
        }
        var bonus = 0.0, penalty = 0.0
        counts.withUnsafeMutableBufferPointer { counts in
            source.anchors.withUnsafeBufferPointer { left in
                target.anchors.withUnsafeBufferPointer { right in
                    for index in sourceAnchors { counts[Int(left[index].key)] += 1 }
                    for index in targetAnchors {
                        let anchor = right[index]
                        if counts[Int(anchor.key)] > 0 {
                            counts[Int(anchor.key)] -= 1
                            bonus += anchor.kind.matchBonus
                        } else if anchor.expectsPartner {
                            penalty += anchor.kind.missPenalty
                        }
                    }
                    // What is left on the source side had no partner; the counters go back to zero.
                    for index in sourceAnchors {
                        let anchor = left[index]
                        if counts[Int(anchor.key)] > 0 {
                            counts[Int(anchor.key)] -= 1
                            if anchor.expectsPartner { penalty += anchor.kind.missPenalty }
                        }
                    }
                }
            }
        }
        return min(penalty, Self.maximumMissPenalty) - bonus
    }
}
