import Foundation
import Testing
import KiokuTestSupport
import KiokuFormats
import KiokuText
@testable import KiokuMemory

/// `MemoryStore.copy(to:inserted:progress:)` between SQLite files and into another store: the
/// units are read on a thread of their own while the target writes them, in batches, and
/// arrive whole, in id order, gaps and all; a source that fails part way leaves the target
/// empty.
@Suite struct StoreCopyTests {
    /// A file TM of `count` units over two origins, with every seventh unit deleted.
    static func source(_ count: Int) throws -> TranslationMemory {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        func line(_ number: Int) -> TranslationUnit {
            unit((.english, "Line \(number) of the summit notes"), (.russian, "Строка \(number) заметок о саммите"), changed: "20261128T0\(number % 10)0000Z")
        }
        _ = try tm.add((1...count / 2).map(line), origin: "first.tmx")
        _ = try tm.add((count / 2 + 1...count).map(line), origin: "second.tmx")
        _ = try tm.deleteUnits(stride(from: 7, through: count, by: 7).map { UnitID(Int64($0)) }, stamp: .now(by: nil))
        return tm
    }

    @Test func aCopyCarriesEveryUnitInIdOrderAcrossBatches() throws {
        let source = try Self.source(12_000)  // the read-ahead hands over 2,048 units at a time
        for target in [try TranslationMemory(path: Scratch.tmPath()) as any MemoryStore, InMemoryStore()] {
            var handedOver: [UnitID] = [], progress: [Int] = []
            let report = try source.copy(to: target, inserted: { id, _ in handedOver.append(id) }) { progress.append($0) }
            let expected = try source.allUnits()
            #expect(report.units == 12_000 - 12_000 / 7 && report.origins == 2)
            #expect(handedOver == expected.map(\.id))
            #expect(progress == [10_000])
            #expect(try target.allUnits() == expected)  // ids, origins, dates and texts
        }
    }

    @Test func aSourceThatFailsPartWayLeavesTheTargetEmpty() throws {
        let source = InMemoryStore()
        _ = try source.add((1...6_000).map { unit((.english, "Line \($0)"), (.russian, "Строка \($0)")) })
        source.failsReadingAfter = 5_000  // past two batches of the read-ahead
        for target in [try TranslationMemory(path: Scratch.tmPath()) as any MemoryStore, InMemoryStore()] {
            var handedOver = 0
            #expect(throws: MemoryError.readFailed(path: source.location, reason: "the connection was lost")) {
                try source.copy(to: target, inserted: { _, _ in handedOver += 1 })
            }
            #expect(handedOver > 0 && handedOver <= 5_000)  // units were written before the failure arrived
            #expect(try target.unitCount() == 0)
            #expect(try target.statistics().origins.isEmpty)
            // and the target takes a whole copy afterwards
            source.failsReadingAfter = nil
            #expect(try source.copy(to: target).units == 6_000)
            source.failsReadingAfter = 5_000
        }
    }
}
