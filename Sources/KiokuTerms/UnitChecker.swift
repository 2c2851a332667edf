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
    private var workerCheckers: [[String: GlossaryChecker]] = [[:], [:]]
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
            let checker = workerCheckers[0][key] ?? {
                let made = GlossaryChecker(glossary: glossary, source: sourceVariant.language.primary, target: targetVariant.language.primary)
                workerCheckers[0][key] = made
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
        if consistency {
            for (unit, location) in batch {
                for (sourceVariant, targetVariant) in pairs(of: unit) {
                    let key = sourceVariant.language.language + "|" + targetVariant.language.language
                    consistencyChecks[key, default: ConsistencyCheck(source: sourceVariant.language.primary, target: targetVariant.language.primary)]
                        .add(source: sourceVariant.segment.text, target: targetVariant.segment.text, location: location)
                }
            }
        }
        guard let glossary else { return }
        var results = [[Finding]](repeating: [], count: batch.count)
        results.withUnsafeMutableBufferPointer { output in
            workerCheckers.withUnsafeMutableBufferPointer { checkers in
                let shared = UnsafeSendableBox((output, checkers, batch, self))
                DispatchQueue.concurrentPerform(iterations: 2) { worker in
                    let (output, checkers, batch, this) = shared.value
                    var index = worker
                    while index < batch.count {
                        var found: [Finding] = []
                        let (unit, location) = batch[index]
                        for (sourceVariant, targetVariant) in this.pairs(of: unit) {
                            let key = sourceVariant.language.language + "|" + targetVariant.language.language
                            let checker = checkers[worker][key] ?? {
                                let made = GlossaryChecker(glossary: glossary, source: sourceVariant.language.primary,
                                                           target: targetVariant.language.primary)
                                checkers[worker][key] = made
                                return made
                            }()
                            found += checker.check(source: sourceVariant.segment.text, target: targetVariant.segment.text, location: location)
                        }
                        output[index] = found
                        index += 2
                    }
                }
            }
        }
        for finding in results.flatMap({ $0 }) { record(finding) }
    }
}

/// Hands values to the checking workers, which use disjoint parts of them.
struct UnsafeSendableBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
