import Foundation
import KiokuConcurrency
import KiokuMemory
import KiokuText

/// The persistent fuzzy-match index of a TM: per language, the matching-form tokens of
/// every variant, with inverted lists for candidate search.
///
/// Its data lives in the store and follows the TM incrementally: `update()` indexes the
/// units added since the last update (by any program), appending to the last chunk — never a
/// rebuild. Lookups call it first (unless `lookupsUpdate` is off), so results cover the
/// whole TM. Languages load lazily, on their first lookup. Safe to share between threads.
///
/// Two locks, never held together for long: the update lock guards the `IndexUpdater`
/// (one update at a time, on indexes no lookup touches); the publication lock guards the
/// published snapshots and is held only to read or swap them, so a lookup never waits while
/// an update tokenizes, appends or saves.
public final class FuzzyIndex: Sendable {
    public let memory: any MemoryStore
    /// Whether a lookup that finds the index behind the TM brings it up to date itself (the
    /// default, right for a program that looks up and imports in turn). A server sets this
    /// to false and calls `update()` after its writes and now and then: its lookups then
    /// search what is published and never do a writer's work.
    public let lookupsUpdate: Bool
    /// Whether an update tokenizes and appends on every core (the default: an import wants
    /// it done fast) or only on the calling thread (a server: its lookups keep the cores).
    public let parallelUpdates: Bool

    private let updater: Locked<IndexUpdater>
    private let publication = Locked(Publication())

    /// What lookups read: the latest snapshot of each language and how fresh they are.
    private struct Publication {
        var snapshots: [String: LanguageSnapshot] = [:]
        var lastWriteCount = -1
        var lastCheck = Date.distantPast
        /// Whether any unit records a creation or change date; when none does, ties between
        /// equal matches fall to import order, which the index knows without reading the TM.
        var unitsHaveDates = true
    }

    /// How long a lookup trusts the index without asking the store whether another
    /// program added units. Writes through the same store object are seen at once.
    public static let crossProcessCheckInterval: TimeInterval = 0.25

    /// What an update did.
    public struct UpdateReport: Sendable, Codable {
        public var documentsAdded = 0
        public var seconds = 0.0
    }

    public init(memory: any MemoryStore, lookupsUpdate: Bool = true, parallelUpdates: Bool = true) throws(MemoryError) {
        self.memory = memory
        self.lookupsUpdate = lookupsUpdate
        self.parallelUpdates = parallelUpdates
        updater = Locked(try IndexUpdater(memory: memory, parallel: parallelUpdates))
    }

    /// Indexes every unit added since the last update. Cheap when there is nothing new.
    /// Lookups running meanwhile search the index as it was; they see the new units the
    /// moment this returns.
    ///
    /// With `persist: false` the new index data stays in memory (a server writing small
    /// batches saves it now and then with `persist()`, not after every batch). The units
    /// themselves are in the TM either way: index data lost with the process is rebuilt from
    /// them by the next update.
    ///
    /// `imported`: an import's documents, tokenized while it ran (``ImportTokenizer``); they
    /// stand in for reading its units back and tokenizing them now. Pass them only after that
    /// import committed.
    @discardableResult
    public func update(persist: Bool = true, adding imported: ImportedDocuments? = nil) throws(MemoryError) -> UpdateReport {
        try updater.withLock { (updater: inout IndexUpdater) throws(MemoryError) in try update(updater, persist: persist, adding: imported) }
    }

    /// Units behind (``unitsBehind()``) from which catching up is a wait worth telling the user
    /// about (about a second at 100,000).
    public static let noticeableBacklog = 100_000

    /// About how many units the next update must read from the store and index: every unit
    /// when the TM has no index yet or one of an older format, else those added since the index
    /// (in memory or saved) last caught up. An upper bound: deleted units count too. A program
    /// can tell its user before a long first lookup (1M units take about 10 s).
    public func unitsBehind() throws(MemoryError) -> Int {
        try updater.withLock { (updater: inout IndexUpdater) throws(MemoryError) in try updater.unitsBehind() }
    }

    /// Brings the index up to date as a lookup does, for a program about to look up: saving
    /// what it built is a favour to the next program, so a full disk or another writer holding
    /// the TM (`MemoryError.diskFull`, `MemoryError.busy`) does not fail it —
    /// the index in memory is complete. Any other error is thrown.
    public func catchUp() throws(MemoryError) {
        try Self.savingIsAFavour { () throws(MemoryError) in try update() }
    }

    /// Runs an update whose save may fail without failing the caller (see ``catchUp()``).
    private static func savingIsAFavour(_ update: () throws(MemoryError) -> Void) throws(MemoryError) {
        do throws(MemoryError) {
            try update()
        } catch {
            switch error {
            case .diskFull, .busy: break
            default: throw error
            }
        }
    }

    /// Writes index data kept in memory by `update(persist: false)` to the store.
    public func persist() throws(MemoryError) {
        try update(persist: true)
    }

    /// Loads every language the index holds now, instead of on each one's first lookup
    /// (a server does this before it takes requests).
    public func load() throws(MemoryError) {
        for language in try memory.indexedLanguages() { _ = try prepare(language) }
    }

    /// The languages (primary subtags) the index holds: every language the TM has a variant
    /// in, once the index is current (a lookup-updating index brings itself up to date first).
    public func languages() throws(MemoryError) -> [String] {
        if lookupsUpdate { try update() }
        let loaded = updater.withLock { Array($0.languages.keys) + $0.stagedLanguages }
        return Set(try memory.indexedLanguages() + loaded).sorted()
    }

    /// Builds the index again from the units and replaces the saved copy with it: what
    /// deletions and edits left behind (dead documents, tokens no unit has) is gone, and the
    /// index is the size and speed of one built fresh from the remaining units. Lookups go on
    /// meanwhile, on the index as it was. Other programs load the new copy at their next update.
    @discardableResult
    public func compact() throws(MemoryError) -> UpdateReport {
        if memory.isReadOnly { throw .readOnly(path: memory.location) }
        return try updater.withLock { (updater: inout IndexUpdater) throws(MemoryError) in
            var report = UpdateReport()
            for _ in 0..<3 {  // another program's save in between wins its race: build again
                report = try update(updater, persist: true, startingOver: true)
                if updater.lastSaveReplacedAll { break }
            }
            return report
        }
    }

    /// Catches up with the update lock held, then publishes what changed — also when the
    /// catch-up failed halfway.
    private func update(_ updater: IndexUpdater, persist: Bool, startingOver: Bool = false,
                        adding imported: ImportedDocuments? = nil) throws(MemoryError) -> UpdateReport {
        let start = Date()
        let writeCount = memory.localWriteCount  // taken before reading, so a concurrent import is noticed next time
        let (previousWriteCount, datesKnown) = publication.withLock { ($0.lastWriteCount, $0.unitsHaveDates) }
        var outcome = IndexUpdater.Outcome()
        if startingOver { updater.startOver(into: &outcome) }
        defer {
            let snapshots = outcome.touched.compactMap { language in updater.languages[language].map { (language, $0.snapshot()) } }
            let gone = outcome.dropped.filter { updater.languages[$0] == nil }
            publication.withLock { published in
                for language in gone { published.snapshots[language] = nil }
                for (language, snapshot) in snapshots { published.snapshots[language] = snapshot }
                if let dates = outcome.unitsHaveDates { published.unitsHaveDates = dates }
                published.lastWriteCount = writeCount + outcome.saves
                published.lastCheck = Date()
            }
        }
        try updater.catchUp(persist: persist, writtenHere: writeCount != previousWriteCount, datesKnown: datesKnown,
                            adding: imported, into: &outcome)
        outcome.report.seconds = Date().timeIntervalSince(start)
        return outcome.report
    }

    /// Brings the index up to date (when lookups update) and returns a snapshot of the
    /// language's index for a lookup, and whether units carry dates. While another thread
    /// is updating, a language already loaded is searched as published rather than waited for.
    func prepare(_ language: String) throws(MemoryError) -> (LanguageSnapshot, datesMatter: Bool)? {
        let writeCount = memory.localWriteCount
        let (current, stale) = publication.withLock { published in
            (published.snapshots[language].map { ($0, published.unitsHaveDates) },
             writeCount != published.lastWriteCount || Date().timeIntervalSince(published.lastCheck) > Self.crossProcessCheckInterval)
        }
        if let current, !stale || !lookupsUpdate { return current }
        let refresh = { (updater: inout IndexUpdater) throws(MemoryError) -> (LanguageSnapshot, datesMatter: Bool)? in
            if stale && self.lookupsUpdate {
                try Self.savingIsAFavour { () throws(MemoryError) in _ = try self.update(updater, persist: true) }
            }
            guard let index = try updater.loadedLanguage(language) else { return nil }
            return self.publication.withLock { published in
                let snapshot = published.snapshots[language] ?? index.snapshot()
                published.snapshots[language] = snapshot
                return (snapshot, published.unitsHaveDates)
            }
        }
        guard let current else { return try updater.withLock(refresh) }
        return try updater.withLockIfAvailable(refresh) ?? current
    }
}
