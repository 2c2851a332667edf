import Foundation
import KiokuFormats
import KiokuMemory
import KiokuTerms
import KiokuText

/// The checks a TM manager runs before trusting a TM, over every unit in one pass: empty
/// variants, untranslated targets, numbers and inline codes that differ, lengths far outside
/// the language pair's own distribution, one source with conflicting targets, Russian or
/// Japanese targets in Latin letters, and glossary errors.
///
/// Each unit is checked from its source language (or its first variant) into each of its
/// other languages. A pair with an empty side gets only that finding, and an untranslated
/// target is not also reported as being in the wrong script.
public struct QASweep: Sendable {
    /// The kinds to look for (all by default).
    public var kinds: Set<QAKind>
    /// The glossary for the `glossary` check (a TM's stored glossary, say); nil skips it.
    public var glossary: Glossary?
    /// A target's length is reported when its ratio to the source is this many times above or
    /// below the pair's median ratio — and far outside the pair's spread.
    public var lengthFactor = 3.0
    /// Sources shorter than this (in characters) are left out of the length check: a few
    /// characters say nothing about a ratio.
    public var minimumSourceLength = 12
    /// A pair needs this many units before its length distribution is trusted.
    public var minimumPairsForLength = 30

    public init(kinds: Set<QAKind> = Set(QAKind.allCases), glossary: Glossary? = nil) {
        self.kinds = kinds
        self.glossary = glossary
    }

    /// Checks every unit of `memory`.
    public func run(over memory: any MemoryStore) throws(MemoryError) -> QAReport {
        var sweep = QASweepState(options: self)
        try memory.forEachUnit { stored in sweep.add(stored) }
        return try sweep.finish(memory: memory)
    }
}
