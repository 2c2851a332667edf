import Dispatch
import KiokuConcurrency
import KiokuMemory
import KiokuText

/// The updating side of a ``FuzzyIndex``: the languages' indexes in memory, how far they
/// and the store's saved copy reach, and the work of catching up — reading new units,
/// tokenizing, appending, saving. Not thread-safe: a `FuzzyIndex` holds it under its update
/// lock, and lookups never touch it (they search published snapshots).
final class IndexUpdater {
    let memory: any MemoryStore
    let parallel: Bool
    private(set) var languages: [String: LanguageIndex] = [:]
    /// Languages an import added that are waiting to be saved, not in ``languages``.
    var stagedLanguages: [String] { Array(staged.keys) }
    /// The in-memory index covers every unit up to this one and every change-log entry up to
    /// this one (its `saves` is not used)…
    private var indexed: IndexWatermark
    /// …and the store's saved copy is this one (as far as this process knows).
    private var saved: IndexWatermark
    /// The next save replaces every saved token and chunk (the index was built anew).
    private var replacesSaved = false
    /// Whether the last save replaced the saved index whole (a compaction that won its race).
    private(set) var lastSaveReplacedAll = false
    /// Languages with tokens or chunks not yet saved.
    private var unsavedLanguages: Set<String> = []
    /// Languages new to the index whose documents an import made (``ImportedDocuments``) and
    /// that are saved as they are, their chunks encoded while the import ran: their lists are
    /// never built in memory — an import that ends its program has no use for them (a 10M import's
    /// were 2.5 GB). Once saved, a lookup loads them from the store like any saved language;
    /// needed before that, they become an index in memory (``loadedLanguage(_:create:)``).
    private var staged: [String: ImportedDocuments.Language] = [:]
    private var latestSeen: UnitID?
    /// A read-only store whose saved index is of another format: the index is built in
    /// memory from the units, and the saved data is never read.
    private let ignoresSaved: Bool

    /// Units read and tokenized per batch.
    static let batchVariants = 65_536

    /// How the index's tokens are made and saved. Saved index data of another format is dropped
    /// and rebuilt from the units when an index opens. 2: placeholders (`%s`, `{0}`, `[X10X]`)
    /// are placeables, like numbers (before: punctuation and words). 3: chunks are saved without
    /// their inverted lists, tokens packed (``IndexChunk/encoded()``), a quarter of the bytes.
    /// 4: each document's ``PunctuationMark``, so ranking reads fewer texts.
    static let format = 4

    init(memory: any MemoryStore, parallel: Bool) throws(MemoryError) {
        self.memory = memory
        self.parallel = parallel
        let outdated = try memory.indexFormat() != Self.format
        ignoresSaved = outdated && memory.isReadOnly
        if outdated && !ignoresSaved { try memory.resetIndex(to: Self.format) }
        indexed = ignoresSaved ? .none : try memory.revision().indexed
        saved = indexed
    }

    /// What one catch-up changed, for the index to publish — filled in as it goes, so that
    /// what was done before an error is still published.
    struct Outcome {
        var report = FuzzyIndex.UpdateReport()
        var touched: Set<String> = []
        /// Languages no longer in the index (it was built anew without them).
        var dropped: Set<String> = []
        /// Whether units carry dates, when this catch-up found out.
        var unitsHaveDates: Bool?
        /// Index saves this catch-up committed (writes of its own, not news from others).
        var saves = 0
    }

    /// Indexes every unit added since the last catch-up (by any program), applies the change
    /// log's deletions and edits, and, with `persist`, saves the new index data. A save that
    /// loses a race with another program's save is redone on top of what that program saved
    /// (its token ids may differ from ours).
    ///
    /// `imported` (an import's documents, tokenized while it ran) stands in for reading back
    /// and tokenizing its units when none of them is indexed yet.
    func catchUp(persist: Bool, writtenHere: Bool, datesKnown: Bool, adding imported: ImportedDocuments? = nil,
                 into outcome: inout Outcome) throws(MemoryError) {
        var imported = imported
        // On a store several servers share, one of them saves; the others follow in memory.
        var saver = true
        if memory.sharesIndexSaving { saver = try memory.claimsIndexSaving() }
        let persist = persist && !memory.isReadOnly && saver
        for _ in 0..<3 {
            let revision = try memory.revision()
            if revision.latestUnit != latestSeen || writtenHere {
                // Something was written (an import may also raise a stored unit's change date).
                // Once a unit has a date the answer cannot go back, so the scan runs only while none has.
                if latestSeen == nil || !(outcome.unitsHaveDates ?? datesKnown) {
                    outcome.unitsHaveDates = try memory.unitsHaveDates()
                }
                latestSeen = revision.latestUnit
            }
            if !ignoresSaved && revision.indexed != saved {
                let follows = saver ? false : try followsWithoutReloading(revision.indexed)
                if !follows { try reloadSaved(revision.indexed, into: &outcome) }
            }
            // With nothing indexed, the units are read as they are now: the changes so far are in them.
            if indexed.units == .none && languages.isEmpty { indexed.changes = max(indexed.changes, revision.latestChange) }
            if revision.latestUnit > indexed.units {
                // An import's new languages are saved as they are when this round saves, and no
                // change since the import began can concern its units.
                let stages = persist && !replacesSaved && revision.latestChange <= (imported?.changesBefore ?? .min)
                let changesBefore = try indexUnits(through: revision.latestUnit, adding: imported, staging: stages, into: &outcome)
                // The imported documents are the texts as imported: changes since may concern them
                // (applying a change again only indexes its unit as it is now).
                if let changesBefore { indexed.changes = min(indexed.changes, changesBefore) }
            }
            imported = nil
            if revision.latestChange > indexed.changes { try applyChanges(through: revision.latestChange, into: &outcome) }
            guard persist, saved.units != indexed.units || saved.changes != indexed.changes || !unsavedLanguages.isEmpty || replacesSaved
            else { return }
            outcome.saves += 1
            if try save() { return }
            saved = IndexWatermark(units: UnitID(-1))  // another program saved first: reload on the next round
            replacesSaved = false
        }
    }

    /// How many unit ids lie after what the in-memory index or the saved one (which an update
    /// would load rather than rebuild) covers.
    func unitsBehind() throws(MemoryError) -> Int {
        let revision = try memory.revision()
        let reach = ignoresSaved ? indexed.units : max(indexed.units, revision.indexed.units)
        return Int(max(0, revision.latestUnit.rawValue - reach.rawValue))
    }

    /// Forgets the index and builds it again from the units; the next save replaces the
    /// saved copy whole. What deletions left behind is gone, and the vocabulary holds only
    /// tokens the units still have.
    func startOver(into outcome: inout Outcome) {
        outcome.dropped.formUnion(languages.keys)
        languages.removeAll()
        staged.removeAll()
        unsavedLanguages.removeAll()
        indexed = .none
        replacesSaved = true
        lastSaveReplacedAll = false
    }

    /// Another server saved index data of a store they share, and this one does not save: its
    /// index has every saved language loaded and follows the units itself, so reloading the
    /// saved copy (all of it, at every save of the other) would only cost. Its data no longer
    /// extends the saved copy, so should it become the saver, its first save replaces the copy
    /// whole. False when a saved language is not loaded here (then it must be loaded).
    private func followsWithoutReloading(_ stored: IndexWatermark) throws(MemoryError) -> Bool {
        guard !languages.isEmpty, Set(try memory.indexedLanguages()).isSubset(of: languages.keys) else { return false }
        saved = stored
        replacesSaved = true
        unsavedLanguages = Set(languages.keys)
        return true
    }

    /// Another program (or connection) saved index data: drop what is in memory and load the
    /// saved copy. Lookups go on searching the old snapshots until the new ones are published.
    private func reloadSaved(_ stored: IndexWatermark, into outcome: inout Outcome) throws(MemoryError) {
        let loaded = Array(languages.keys)
        languages.removeAll()
        staged.removeAll()
        indexed = stored
        saved = stored
        unsavedLanguages.removeAll()
        replacesSaved = false
        outcome.report.documentsAdded = 0
        for language in loaded {
            if try loadedLanguage(language) != nil { outcome.touched.insert(language) } else { outcome.dropped.insert(language) }
        }
    }

    /// Drops the documents of every unit the change log names after what the index has
    /// applied, then indexes those of them that still exist, as they are now.
    private func applyChanges(through latest: Int64, into outcome: inout Outcome) throws(MemoryError) {
        let units = try memory.changedUnits(after: indexed.changes, through: latest)
        if !units.isEmpty {
            // Every language the saved index holds is loaded: one left on disk would keep its old documents.
            if !ignoresSaved { for language in try memory.indexedLanguages() { _ = try loadedLanguage(language) } }
            for language in Array(staged.keys) { _ = try loadedLanguage(language) }
            var changed: Set<String> = []
            let set = Set(units)
            for (language, index) in languages where index.remove(units: set) { changed.insert(language) }
            var start = 0
            while start < units.count {
                let part = Array(units[start..<min(units.count, start + 4096)])
                let variants = try memory.indexableVariants(of: part)
                try index(variants, touched: &changed)
                outcome.report.documentsAdded += variants.count
                start += part.count
            }
            outcome.touched.formUnion(changed)
            unsavedLanguages.formUnion(changed)
        }
        indexed.changes = latest
    }

    /// Indexes the units after `indexed.units` up to `latest`: those of `imported` from its
    /// documents (when none of them is indexed yet and all are in the store), the others read
    /// in batches of whole units. Returns the change log's last entry before the import when
    /// it took the import's documents. With `staging`, the import's languages that are new to the
    /// index are left for the save to write as they are (``staged``).
    private func indexUnits(through latest: UnitID, adding imported: ImportedDocuments?, staging: Bool,
                            into outcome: inout Outcome) throws(MemoryError) -> Int64? {
        var changed: Set<String> = []
        defer {
            outcome.touched.formUnion(changed)
            unsavedLanguages.formUnion(changed)
        }
        guard let documents = imported, let units = documents.units, units.lowerBound > indexed.units, units.upperBound <= latest else {
            try readUnits(through: latest, touched: &changed, into: &outcome)
            return nil
        }
        try readUnits(through: UnitID(units.lowerBound.rawValue - 1), touched: &changed, into: &outcome)
        outcome.report.documentsAdded += documents.count
        var taken = documents.take()
        if staging {
            let saved = Set(try memory.indexedLanguages())
            for language in Array(taken.keys) where languages[language] == nil && !saved.contains(language) {
                staged[language] = taken.removeValue(forKey: language)
                unsavedLanguages.insert(language)
            }
        }
        try append(taken, touched: &changed)
        indexed.units = units.upperBound
        try readUnits(through: latest, touched: &changed, into: &outcome)
        return documents.changesBefore
    }

    /// Reads the units after `indexed.units` up to `latest` in batches of whole units and indexes them.
    private func readUnits(through latest: UnitID, touched changed: inout Set<String>, into outcome: inout Outcome) throws(MemoryError) {
        var cursor = indexed.units
        while cursor < latest {
            let batch = try memory.indexableVariants(after: cursor, through: latest, limit: Self.batchVariants)
            try index(batch.variants, touched: &changed)
            outcome.report.documentsAdded += batch.variants.count
            guard batch.through > cursor else { break }
            cursor = batch.through
        }
        indexed.units = max(indexed.units, latest)
    }

    /// Appends an import's documents, each language on a core of its own.
    private func append(_ documents: consuming [String: ImportedDocuments.Language], touched: inout Set<String>) throws(MemoryError) {
        var groups = try documents.keys.sorted().map { language throws(MemoryError) in
            (index: try loadedLanguage(language, create: true)!, documents: documents.removeValue(forKey: language)!)
        }
        concurrentForEach(&groups, workers: parallel ? groups.count : 1) { $0.index.append(staged: &$0.documents) }
        touched.formUnion(groups.map(\.index.language))
    }

    /// Tokenizes a batch (on both cores when `parallel`) and appends it per language.
    private func index(_ variants: [IndexableVariant], touched: inout Set<String>) throws(MemoryError) {
        var tags: [String: LanguageTag?] = [:]
        var byLanguage: [String: [IndexableVariant]] = [:]
        for variant in variants {
            let cached = tags[variant.language] ?? { let tag = LanguageTag(variant.language); tags[variant.language] = tag; return tag }()
            guard let tag = cached else { continue }
            byLanguage[tag.language, default: []].append(variant)
        }
        let groups = try byLanguage.sorted { $0.key < $1.key }.map { entry throws(MemoryError) in
            (index: try loadedLanguage(entry.key, create: true)!, variants: entry.value)
        }
        let starts = groups.reduce(into: [0]) { $0.append($0.last! + $1.variants.count) }
        let documents = tokenize(groups, starts: starts)
        // …then append each language on a core of its own (an EN–RU TM builds both at once).
        let shared = UncheckedSendable((groups, starts, documents))
        let append: @Sendable (Int) -> Void = { group in
            let (groups, starts, documents) = shared.value
            groups[group].index.append(documents[starts[group]..<starts[group + 1]].map { $0! })
        }
        if parallel {
            DispatchQueue.concurrentPerform(iterations: groups.count, execute: append)
        } else {
            (0..<groups.count).forEach(append)
        }
        touched.formUnion(groups.map(\.index.language))
    }

    /// Every group's texts tokenized into ids known so far, in group order, group `g` from
    /// `starts[g]` (vocabularies are only read here; every slot is filled).
    private func tokenize(_ groups: [(index: LanguageIndex, variants: [IndexableVariant])], starts: [Int]) -> [TokenizedDocument?] {
        var documents = [TokenizedDocument?](repeating: nil, count: starts.last!)
        documents.withUnsafeMutableBufferPointer { output in
            let shared = UncheckedSendable((output, groups, starts))
            let workers = parallel ? 2 : 1
            let work: @Sendable (Int) -> Void = { worker in
                let (output, groups, starts) = shared.value
                var position = worker
                var group = 0
                while position < output.count {
                    while position >= starts[group + 1] { group += 1 }
                    let variant = groups[group].variants[position - starts[group]]
                    output[position] = groups[group].index.tokenize(variant.text, key: variant.key)
                    position += workers
                }
            }
            if workers > 1 { DispatchQueue.concurrentPerform(iterations: workers, execute: work) } else { work(0) }
        }
        return documents
    }

    /// Saves the new tokens and changed chunks; false (nothing written) when the saved index
    /// is no longer the one this catch-up started from.
    private func save() throws(MemoryError) -> Bool {
        let changes = unsavedLanguages.sorted().compactMap { language -> IndexChanges? in
            if let documents = staged[language] { return documents.indexChanges(for: language) }
            guard let index = languages[language] else { return nil }
            let dirty = replacesSaved ? Array(index.chunks.indices) : index.dirtyChunks.sorted()
            let chunks = dirty.map { number -> IndexChanges.Chunk in
                let chunk = index.chunks[number]
                return IndexChanges.Chunk(number: number, documents: chunk.liveCount) { chunk.encoded() }
            }
            // A rewritten chunk's tombstones are rewritten with it (its documents were re-sorted).
            let dead = Set(dirty).union(index.deadChanged).sorted().map { number in
                IndexChanges.DeadDocuments(chunk: number, bits: index.chunks[number].deadBytes())
            }
            let tokens = replacesSaved ? index.vocabulary.map { (token: $0.key, id: $0.id) } : index.newTokens.map { (token: $0.0, id: $0.1) }
            return IndexChanges(language: language, newTokens: tokens, chunks: chunks, deadDocuments: dead)
        }
        guard try memory.saveIndex(changes, replacing: saved, through: indexed, replacingAll: replacesSaved) else { return false }
        lastSaveReplacedAll = replacesSaved
        for language in unsavedLanguages { languages[language]?.markSaved() }
        staged.removeAll()  // the store has them now
        saved = IndexWatermark(units: indexed.units, changes: indexed.changes, saves: saved.saves + 1)
        unsavedLanguages.removeAll()
        replacesSaved = false
        return true
    }

    /// The index of a language, loading it on first use; nil when the store has none (and `create` is false).
    func loadedLanguage(_ language: String, create: Bool = false) throws(MemoryError) -> LanguageIndex? {
        if let index = languages[language] { return index }
        if var documents = staged.removeValue(forKey: language) {
            // Not saved yet (the save failed, or more units came): the documents become the index in memory.
            let index = LanguageIndex(language: language, vocabulary: TokenVocabulary(), chunks: [])
            index.append(staged: &documents)
            languages[language] = index
            return index
        }
        var vocabulary = TokenVocabulary()
        var chunks: [IndexChunk] = []
        let location = memory.location
        if !ignoresSaved && !replacesSaved {
            // The inverted lists are not saved: each chunk's are rebuilt from its tokens, on
            // the other core while the next chunks load, then on both.
            let rebuilder = ChunkRebuilder(parallel: parallel)
            do throws(MemoryError) {
                try memory.loadIndex(language: language, vocabulary: { vocabulary.insert($0, id: $1) }) { bytes, dead in
                    guard var chunk = IndexChunk(encoded: bytes, highestToken: vocabulary.highestID, withPostings: false),
                          dead.map({ chunk.setDead($0) }) ?? true
                    else { throw MemoryError.damagedIndex(path: location, language: language) }
                    rebuilder.add(chunk)
                }
            } catch {
                rebuilder.cancel()
                throw error
            }
            chunks = rebuilder.finish()
        }
        if chunks.isEmpty && !create { return nil }
        let index = LanguageIndex(language: language, vocabulary: vocabulary, chunks: chunks)
        languages[language] = index
        return index
    }
}
