/// Puts a new source segment's inline codes into a TM translation: the codes of the TM's
/// target are matched to the TM's source codes (by TMX `x`, then by the native code, then by
/// order), and each TM source code to the new source's code at the same place. The result has
/// exactly the new source's codes — none lost, none invented — or there is no result.
public enum InlineCodeTransfer {
    /// A TM match with the job source's codes in place of its own.
    public struct Placed: Sendable, Hashable {
        /// The TM source: its codes are the job's at the same places.
        public var source: [InlinePiece]
        /// The TM target, each code the job's code it stands for.
        public var target: [InlinePiece]
    }

    /// The TM source and target with the job source's codes in place of their own, or nil when
    /// they cannot all be placed exactly (different counts or kinds, or a pairing that would not nest).
    public static func transfer(tmSource: Segment, tmTarget: Segment, jobSource: Segment) -> Placed? {
        let job = jobSource.codes
        let targetPieces = tmTarget.pieces
        let targetCodes = targetPieces.compactMap { if case .code(let code) = $0 { code } else { nil } }
        let sourcePieces = tmSource.pieces
        if job.isEmpty {
            // Nothing to place; a TM source's own codes are dropped from its display, never put in.
            let plainSource = sourcePieces.filter { if case .text = $0 { true } else { false } }
            return targetCodes.isEmpty ? Placed(source: plainSource, target: targetPieces) : nil
        }
        let source = tmSource.codes
        guard source.count == job.count, targetCodes.count == source.count,
              zip(source, job).allSatisfy({ $0.role == $1.role })
        else { return nil }
        guard let mapping = match(targetCodes, to: source) else { return nil }
        var codeIndex = 0
        let placed: [InlinePiece] = targetPieces.map { piece in
            guard case .code = piece else { return piece }
            defer { codeIndex += 1 }
            return .code(job[mapping[codeIndex]])
        }
        guard nests(placed) else { return nil }
        var sourceIndex = 0
        let placedSource: [InlinePiece] = sourcePieces.map { piece in
            guard case .code = piece else { return piece }
            defer { sourceIndex += 1 }
            return .code(job[sourceIndex])
        }
        return Placed(source: placedSource, target: placed)
    }

    /// For each target code, the index of the source code it stands for; nil unless a bijection.
    private static func match(_ target: [InlineCode], to source: [InlineCode]) -> [Int]? {
        var used = Array(repeating: false, count: source.count)
        var mapping: [Int] = []
        var openedAt: [String: Int] = [:]  // target pair id → the source index its opening took
        for code in target {
            var chosen: Int?
            if code.role == .closing, let pair = code.pair, let opening = openedAt[pair],
               let partner = source[opening].pair {
                chosen = source.indices.first { !used[$0] && source[$0].role == .closing && source[$0].pair == partner }
            }
            if chosen == nil, let x = code.x {
                chosen = source.indices.first { !used[$0] && source[$0].role == code.role && source[$0].x == x }
            }
            if chosen == nil {
                chosen = source.indices.first { !used[$0] && source[$0].role == code.role && source[$0].native == code.native }
            }
            if chosen == nil {
                chosen = source.indices.first { !used[$0] && source[$0].role == code.role }
            }
            guard let index = chosen else { return nil }
            used[index] = true
            mapping.append(index)
            if code.role == .opening, let pair = code.pair { openedAt[pair] = index }
        }
        return used.allSatisfy { $0 } ? mapping : nil
    }

    /// Whether every opening code is closed after it, innermost first.
    private static func nests(_ pieces: [InlinePiece]) -> Bool {
        var open: [String?] = []
        for case .code(let code) in pieces {
            switch code.role {
            case .opening: open.append(code.pair)
            case .closing:
                guard let last = open.popLast(), last == code.pair else { return false }
            case .isolated: continue
            }
        }
        return open.isEmpty
    }
}
