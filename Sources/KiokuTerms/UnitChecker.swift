import Foundation
import KiokuFormats
import KiokuText

/// What a check found, over all units.
public struct CheckReport: Sendable, Codable {
    public var unitsChecked = 0
    public var errors = 0
    public var warnings = 0
    public var findings: [Finding] = []

    public init() {}

    /// True when nothing stops the translations going out (warnings allowed).
    public var passed: Bool { errors == 0 }
}

/// Checks many units — from a TM or a file — against a glossary, in batches shared by
/// both cores, and (optionally) for inconsistent translations.
///
/// Each unit is checked from its source language (or `source`) into each of its other
/// languages (or only `target`).
public final class UnitChecker {
    public let glossary: Glossary?
    public let source: LanguageTag?
    public let target: LanguageTag?
    public let consistency: Bool
    private var pending: [(TranslationUnit, String)] = []
    private var report = CheckReport()
    private var consistencyChecks: [String: ConsistencyCheck] = [:]
    private var serialCheckers: [String: GlossaryChecker] = [:]
    private static let batchSize = 8192

    public init(glossary: Glossary?, source: LanguageTag? = nil, target: LanguageTag? = nil, consistency: Bool = true) {
        self.glossary = glossary.flatMap { $0.concepts.isEmpty ? nil : $0 }
        self.source = source
        self.target = target
        self.consistency = consistency
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
        guard let glossary else { return [] }
        var found: [Finding] = []
        for (sourceVariant, targetVariant) in pairs(of: unit) {
            let key = sourceVariant.language.language + "|" + targetVariant.language.language
            let checker = serialCheckers[key] ?? {
                let made = GlossaryChecker(glossary: glossary, source: sourceVariant.language.primary, target: targetVariant.language.primary)
                serialCheckers[key] = made
                return made
            }()
            found += checker.check(source: sourceVariant.segment.text, target: targetVariant.segment.text, location: location)
        }
        return found
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

    private func flush() {
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        report.unitsChecked += batch.count
        // Pieces of glossary checking, and the consistency check as one more piece, shared
        // out between the cores as they come free.
        let pieces = glossary == nil ? 0 : 8
        var results = [[Finding]](repeating: [], count: batch.count)
        results.withUnsafeMutableBufferPointer { output in
            let shared = UnsafeSendableBox((output, batch, self))
            let first = self.consistency ? 1 : 0
            DispatchQueue.concurrentPerform(iterations: pieces + first) { number in
                let (output, batch, this) = shared.value
                // the consistency piece goes first, so the glossary pieces fill the other core meanwhile
                if number < first {
                    this.recordConsistency(batch)
                    return
                }
                let piece = number - first
                let range = (batch.count * piece / pieces)..<(batch.count * (piece + 1) / pieces)
                var local = this.takeCheckers()
                defer { this.returnCheckers(local) }
                for index in range {
                    let (unit, location) = batch[index]
                    var found: [Finding] = []
                    for (sourceVariant, targetVariant) in this.pairs(of: unit) {
                        let key = sourceVariant.language.language + "|" + targetVariant.language.language
                        let checker = local[key] ?? GlossaryChecker(glossary: this.glossary!, source: sourceVariant.language.primary,
                                                                    target: targetVariant.language.primary)
                        local[key] = checker
                        found += checker.check(source: sourceVariant.segment.text, target: targetVariant.segment.text, location: location)
                    }
                    output[index] = found
                }
            }
        }
        for finding in results.joined() { record(finding) }
    }

    /// Checker sets (one per language pair, with warm stem caches), lent to one piece at a time.
    private var checkerPool: [[String: GlossaryChecker]] = []
    private let poolLock = NSLock()

    private func takeCheckers() -> [String: GlossaryChecker] {
        poolLock.lock()
        defer { poolLock.unlock() }
        return checkerPool.popLast() ?? [:]
    }

    private func returnCheckers(_ checkers: [String: GlossaryChecker]) {
        poolLock.lock()
        checkerPool.append(checkers)
        poolLock.unlock()
    }

    /// Runs in one piece at a time (see `flush`), so the tables need no lock.
    private func recordConsistency(_ batch: [(TranslationUnit, String)]) {
        for (unit, location) in batch {
            for (sourceVariant, targetVariant) in pairs(of: unit) {
                let key = sourceVariant.language.language + "|" + targetVariant.language.language
                let check = consistencyChecks[key] ?? {
                    let made = ConsistencyCheck(source: sourceVariant.language.primary, target: targetVariant.language.primary)
                    consistencyChecks[key] = made
                    return made
                }()
                check.add(source: sourceVariant.segment.text, target: targetVariant.segment.text, location: location)
            }
        }
    }
}

/// Hands values to the checking workers, which use disjoint parts of them.
struct UnsafeSendableBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
