import Dispatch
import KiokuConcurrency
import KiokuFormats
import KiokuText

/// Checks many units — from a TM or a file — against a glossary, in batches shared by
/// both cores, and (optionally) for inconsistent translations.
///
/// Each unit is checked from its source language (or `source`) into each of its other
/// languages (or only `target`). Not thread-safe itself: one owner adds units and finishes.
public final class UnitChecker {
    public let glossary: Glossary?
    public let source: LanguageTag?
    public let target: LanguageTag?
    public let consistency: Bool
    private var pending: [(TranslationUnit, String)] = []
    private var report = CheckReport()
    private var consistencyChecks: [LanguagePair: ConsistencyCheck] = [:]
    /// Checkers with warm stem caches: one set for screening one unit at a time, a pool of
    /// sets for the batch workers.
    private var serialCheckers: CheckerSet?
    private let checkerPool: Pool<CheckerSet>?
    private static let batchSize = 8192

    public init(glossary: Glossary?, source: LanguageTag? = nil, target: LanguageTag? = nil, consistency: Bool = true) {
        let glossary = glossary.flatMap { $0.concepts.isEmpty ? nil : $0 }
        self.glossary = glossary
        self.source = source
        self.target = target
        self.consistency = consistency
        serialCheckers = glossary.map(CheckerSet.init)
        checkerPool = glossary.map { glossary in Pool { CheckerSet(glossary: glossary) } }
    }

    /// The language pairs a unit is checked in: (source variant, target variant).
    func pairs(of unit: TranslationUnit) -> [(Variant, Variant)] {
        let sourceLanguage = source ?? unit.sourceLanguage ?? unit.variants.first?.language
        guard let sourceLanguage, let sourceVariant = unit.variant(sourceLanguage) else { return [] }
        return unit.variants.filter { variant in
            variant != sourceVariant && (target.map { $0.covers(variant.language) } ?? (variant.language.primary != sourceVariant.language.primary))
        }.map { (sourceVariant, $0) }
    }

    /// The glossary findings for one unit, checked at once (for screening an import).
    public func findings(of unit: TranslationUnit, location: String) -> [Finding] {
        serialCheckers?.findings(pairs(of: unit), location: location) ?? []
    }

    public func add(_ unit: TranslationUnit, location: String) {
        pending.append((unit, location))
        if pending.count >= Self.batchSize { flush() }
    }

    /// Checks what is pending and returns the full report: findings in document order,
    /// inconsistencies last.
    public func finish() -> CheckReport {
        flush()
        for check in consistencyChecks.values {
            for finding in check.findings() { record(finding) }
        }
        consistencyChecks.removeAll()
        return report
    }

    private func record(_ finding: Finding) {
        report.findings.append(finding)
        if finding.severity == .error { report.errors += 1 } else { report.warnings += 1 }
    }

    /// Checks the pending batch: pieces of glossary checking, and the consistency check as
    /// one more piece, shared out between the cores as they come free.
    private func flush() {
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        report.unitsChecked += batch.count
        let pieces = checkerPool == nil ? 0 : 8
        var results = [[Finding]](repeating: [], count: batch.count)
        results.withUnsafeMutableBufferPointer { output in
            // The pieces write disjoint slots of `output`; the consistency piece alone touches its tables.
            let shared = UncheckedSendable((output, batch, self))
            let first = self.consistency ? 1 : 0
            DispatchQueue.concurrentPerform(iterations: pieces + first) { number in
                let (output, batch, this) = shared.value
                // the consistency piece goes first, so the glossary pieces fill the other core meanwhile
                if number < first {
                    this.recordConsistency(batch)
                    return
                }
                let piece = number - first
                this.checkerPool?.borrow { checkers in
                    for index in (batch.count * piece / pieces)..<(batch.count * (piece + 1) / pieces) {
                        let (unit, location) = batch[index]
                        output[index] = checkers.findings(this.pairs(of: unit), location: location)
                    }
                }
            }
        }
        for finding in results.joined() { record(finding) }
    }

    /// Runs in one piece at a time (see `flush`), so the tables need no lock.
    private func recordConsistency(_ batch: [(TranslationUnit, String)]) {
        for (unit, location) in batch {
            for (sourceVariant, targetVariant) in pairs(of: unit) {
                let pair = LanguagePair(sourceVariant.language, targetVariant.language)
                let check = consistencyChecks[pair] ?? {
                    let made = ConsistencyCheck(source: pair.source, target: pair.target)
                    consistencyChecks[pair] = made
                    return made
                }()
                check.add(source: sourceVariant.segment.text, target: targetVariant.segment.text, location: location)
            }
        }
    }
}
