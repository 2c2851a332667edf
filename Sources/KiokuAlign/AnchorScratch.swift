/// Reused buffers for scoring the anchors of a bead's two sides (no allocation per bead).
struct AnchorScratch {
    var left: [Anchor] = []
    var right: [Anchor] = []

    /// The anchor cost of pairing `left` with `right` (both sorted by key, or sorted here):
    /// a bonus for each anchor they share, a penalty for each one-sided anchor that a
    /// translation would normally carry.
    mutating func cost(sortingLeft: Bool, sortingRight: Bool) -> Double {
        if sortingLeft { left.sort { $0.key < $1.key } }
        if sortingRight { right.sort { $0.key < $1.key } }
        var bonus = 0.0, penalty = 0.0
        var l = 0, r = 0
        while l < left.count || r < right.count {
            if r == right.count || l < left.count && left[l].key < right[r].key {
                if left[l].expectsPartner { penalty += left[l].kind.missPenalty }
                l += 1
            } else if l == left.count || right[r].key < left[l].key {
                if right[r].expectsPartner { penalty += right[r].kind.missPenalty }
                r += 1
            } else {
                bonus += max(left[l].kind.matchBonus, right[r].kind.matchBonus)
                l += 1
                r += 1
            }
        }
        // Misses saturate: a number spelt in words or a name the glossary lacks should not
        // outweigh what the lengths say.
        return min(penalty, Self.maximumMissPenalty) - bonus
    }

    static let maximumMissPenalty = 3.0
}
