import Dispatch
import Foundation
import KiokuConcurrency
import KiokuFormats
import KiokuMemory

/// Tokenizes an import's units for the fuzzy index on a thread of its own while the import
/// runs, so that indexing them afterwards neither reads them back from the store nor
/// tokenizes them then. An import's writer keeps one core busy; this uses the other.
///
/// ```swift
/// let tokenizer = try ImportTokenizer(memory: tm)
/// var options = ImportOptions()
/// options.inserted = tokenizer.take
/// _ = try tm.importUnits(from: sources, options: options)
/// try FuzzyIndex(memory: tm).update(adding: tokenizer.finish())
/// ```
///
/// Give the documents to the index only after the import committed, and only that import's;
/// when the import fails, ``cancel()``. A copy into an empty store (`MemoryStore.copy`)
/// hands its units over the same way, made with `idsMayHaveGaps`. ``IndexedWrite`` runs this
/// whole sequence, with the TM held for the process alone: what most callers want.
public final class ImportTokenizer: @unchecked Sendable {
    private let queue = BlockingQueue<[(UnitID, TranslationUnit)]>(capacity: 32)
    private let finished = DispatchSemaphore(value: 0)
    private let changesBefore: Int64
    /// The tokenizing thread's work; read once the thread has ended.
    private let work = Work()
    /// Filled on the import's writing thread.
    private var batch: [(UnitID, TranslationUnit)] = []
    private var ended = false

    /// Units handed over to the tokenizing thread at a time.
    static let batchUnits = 2_048

    /// Starts the tokenizing thread; `memory` is the store about to be imported into. Once the
    /// documents take `budget` bytes (2 GiB; 10M gen_corpus.py EN–RU units take about 0.7 GB, their
    /// full segments encoded as index chunks), the units after are left to the index to read back.
    ///
    /// The documents stand for every unit in the store between the first and the last id
    /// taken. An import's new units have consecutive ids, and the documents are used only if
    /// they did. With `idsMayHaveGaps`, the caller vouches that it hands over every unit the
    /// store gains, in ascending order, and that the store holds none in between: a copy into
    /// an empty store, whose units keep their ids with the gaps deletions left.
    public init(memory: any MemoryStore, budget: Int = 1 << 31, idsMayHaveGaps: Bool = false) throws(MemoryError) {
        changesBefore = try memory.revision().latestChange
        work.budget = budget
        work.gapsAllowed = idsMayHaveGaps
        // The thread holds the queue and the work, not this object: dropped unfinished, it cancels the queue.
        let queue = self.queue, work = self.work, finished = self.finished
        let thread = Thread {
            while let units = queue.take() { work.tokenize(units) }
            finished.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit { queue.cancel() }

    /// Takes a unit the import stored as new (`ImportOptions.inserted`); call it from one thread.
    public func take(_ unit: UnitID, _ content: TranslationUnit) {
        batch.append((unit, content))
        if batch.count >= Self.batchUnits {
            queue.put(batch)
            batch = []
        }
    }

    /// Waits for the tokenizing thread and returns the documents of every unit taken (none
    /// after ``cancel()`` or a first `finish()`).
    public func finish() -> ImportedDocuments {
        if !ended {
            if !batch.isEmpty { queue.put(batch) }
            queue.close()
            end()
        }
        defer { work.languages = [:] }
        for language in Array(work.languages.keys) { work.languages[language]?.trimLastSegment() }
        return ImportedDocuments(units: work.contiguous ? work.units : nil, changesBefore: changesBefore, languages: work.languages)
    }

    /// Stops the tokenizing thread and drops what it made: the import failed.
    public func cancel() {
        if !ended {
            queue.cancel()
            end()
        }
        work.languages = [:]
    }

    private func end() {
        batch = []
        finished.wait()
        ended = true
    }

    /// What the tokenizing thread makes.
    private final class Work: @unchecked Sendable {
        var languages: [String: ImportedDocuments.Language] = [:]
        var units: ClosedRange<UnitID>?
        /// Whether the units came with ids one above the other (as one import's do), or, when
        /// gaps are allowed, in ascending order.
        var contiguous = true
        var gapsAllowed = false
        var budget = Int.max
        /// The documents' bytes so far.
        var bytes = 0

        func tokenize(_ batch: [(UnitID, TranslationUnit)]) {
            for (unit, content) in batch {
                guard bytes < budget else { return }  // the units after this one are read back
                if let units {
                    let next = units.upperBound.rawValue + 1
                    contiguous = contiguous && (gapsAllowed ? unit.rawValue >= next : unit.rawValue == next)
                    self.units = units.lowerBound...max(units.upperBound, unit)
                } else {
                    units = unit...unit
                }
                for (position, variant) in content.variants.enumerated() {
                    guard let key = VariantKey(unit: unit, position: position) else { continue }
                    let language = variant.language.language
                    bytes += languages[language, default: ImportedDocuments.Language(language: language)].add(variant.segment.text, key: key)
                }
            }
        }
    }
}
