import Foundation
import KiokuFormats

/// Checks that a TMX file survives import → export → import unchanged: texts,
/// inline codes and metadata. Used by the conformance runner and the tests.
public enum RoundTrip {
    /// What a round trip found.
    public struct Report: Sendable {
        public var unitsRead = 0
        public var unitsStored = 0
        public var skips: [Skip] = []
        /// Human-readable differences; empty when the round trip is lossless.
        public var differences: [String] = []
        public var isLossless: Bool { differences.isEmpty }
    }

    /// Runs the round trip for `path` in a scratch directory that is removed afterwards.
    public static func check(tmx path: String) throws -> Report {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kioku-roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        var report = Report()
        // 1. What the file says, read directly; a unit whose variants are all in an earlier one
        //    collapses into it and adds its metadata, as in the TM.
        var expected: [TranslationUnit] = []
        var byContent: [Int64: [Int]] = [:], byPair: [Int64: [Int]] = [:]  // as the TM finds them
        let reader = try TMXReader(path: path)
        while let item = try reader.next() {
            switch item {
            case .unit(let unit, _):
                report.unitsRead += 1
                let hash = ContentHash.of(unit)
                let exact = byContent[hash, default: []].first { ContentHash.sameContent(expected[$0].variants, unit.variants) }
                let inside = unit.variants.count < 2 ? nil : byPair[ContentHash.pair(unit.variants[0], unit.variants[1]), default: []]
                    .first { ContentHash.contains(expected[$0].variants, unit.variants) }
                if let kept = exact ?? inside {
                    expected[kept].absorb(unit)
                } else {
                    byContent[hash, default: []].append(expected.count)
                    if unit.variants.count >= 3 {
                        for pair in Set(ContentHash.pairs(of: unit)) { byPair[pair, default: []].append(expected.count) }
                    }
                    expected.append(unit)
                }
            case .skip(let skip):
                report.skips.append(skip)
            }
        }
        // 2. Into a TM and back out.
        let tm = try TranslationMemory(path: scratch.appendingPathComponent("tm.kioku").path)
        _ = try tm.importUnits(from: [.init(origin: path, reader: try TMXReader(path: path))])
        let stored = try tm.allUnits().map(\.unit)
        report.unitsStored = stored.count
        compare(expected, stored, stage: "after import", into: &report)
        let exported = scratch.appendingPathComponent("export.tmx").path
        try tm.export(to: try TMXWriter(path: exported, sourceLanguage: try tm.dominantSourceLanguage()))
        // 3. The export read again.
        var reread: [TranslationUnit] = []
        let again = try TMXReader(path: exported)
        while let item = try again.next() {
            if case .unit(let unit, _) = item { reread.append(unit) }
        }
        compare(expected, reread, stage: "after export and re-import", into: &report)
        return report
    }

    static func compare(_ expected: [TranslationUnit], _ actual: [TranslationUnit], stage: String, into report: inout Report) {
        if expected.count != actual.count {
            report.differences.append("\(stage): \(actual.count) units where the file has \(expected.count)")
        }
        for (index, (want, got)) in zip(expected, actual).enumerated() where want != got {
            report.differences.append("\(stage): unit \(index + 1) differs:\n    file: \(want)\n    got:  \(got)")
        }
    }
}
