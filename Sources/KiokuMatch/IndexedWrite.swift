import KiokuFormats
import KiokuMemory

/// A bulk write of units — an import, a copy into a new store — with the TM's fuzzy index
/// kept in step, the way `kioku import` and `kioku copy` do it:
///
/// - the TM is held for this process alone meanwhile (`MemoryStore.withSoleAccess`: into
///   a new SQLite TM each page is then written once);
/// - each unit the write stores as new is tokenized for the index on another thread while the
///   write goes on (``ImportTokenizer``), instead of being read back once it is in;
/// - once the write has committed, the index takes those documents and is saved, and the
///   write-ahead log is folded into the TM file.
///
/// ```swift
/// let outcome = try IndexedWrite.run(into: tm) { inserted in
///     try tm.importUnits(from: sources, options: ImportOptions(inserted: inserted))
/// }
/// if let problem = outcome.afterCommit { /* the units are in; tell the user what failed */ }
/// ```
public enum IndexedWrite {
    /// What the write returned, and what happened after it committed.
    public struct Outcome<Report> {
        /// The write's own report.
        public var report: Report
        /// What indexing did: the documents it added and its seconds (nil when it failed).
        public var indexing: FuzzyIndex.UpdateReport?
        /// The error that stopped the work after the commit (indexing, folding the log): a disk
        /// that filled up then. The units landed all the same; a program tells its user so
        /// instead of reporting a failed write. The next update indexes whatever is missing.
        public var afterCommit: MemoryError?
    }

    /// Runs `write`, handing it the function to call with each unit it stores as new, with the
    /// id it got (`ImportOptions.inserted`, or `MemoryStore.copy`'s `inserted`), on one thread.
    /// When `write` throws, nothing of it was kept: the tokenized units are dropped and the
    /// error is thrown. Once it returns, `committed` is told before indexing starts (a program
    /// shows progress from there).
    ///
    /// `idsMayHaveGaps`: the write hands over every unit the store gains, in ascending order,
    /// and the store held none before — a copy into an empty store, whose units keep their ids
    /// with the gaps deletions left (see ``ImportTokenizer/init(memory:budget:idsMayHaveGaps:)``).
    public static func run<Report>(
        into memory: any MemoryStore, idsMayHaveGaps: Bool = false,
        write: (_ inserted: @escaping (UnitID, TranslationUnit) -> Void) throws(MemoryError) -> Report,
        committed: (Report) -> Void = { _ in }
    ) throws(MemoryError) -> Outcome<Report> {
        let tokenizer = try ImportTokenizer(memory: memory, idsMayHaveGaps: idsMayHaveGaps)
        return try memory.withSoleAccess { () throws(MemoryError) in
            let report: Report
            do throws(MemoryError) {
                report = try write(tokenizer.take)
            } catch {
                tokenizer.cancel()  // nothing of this write was kept
                throw error
            }
            committed(report)
            // The units are committed. What follows only derives from them.
            var outcome = Outcome(report: report)
            let documents = tokenizer.finish()
            do throws(MemoryError) {
                outcome.indexing = try FuzzyIndex(memory: memory).update(adding: documents)
                try memory.checkpoint()
            } catch {
                outcome.afterCommit = error
            }
            return outcome
        }
    }
}
