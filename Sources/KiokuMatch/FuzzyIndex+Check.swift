import KiokuMemory
import KiokuText

/// Checking the saved index against the units, and rebuilding it from them (`kioku verify`,
/// `kioku reindex`).
extension FuzzyIndex {
    /// Compares the index data saved in `memory` with the units, without writing anything:
    /// every chunk must decode, the index must hold exactly the store's variants up to its
    /// watermark, and `sample` lookups per language (texts spread over the TM, `--min 50`) must
    /// answer through the index as a full scan answers.
    public static func check(memory: any MemoryStore, sample: Int = 10) throws(MemoryError) -> IndexCheck {
        let format = try memory.indexFormat()
        let revision = try memory.revision()
        var check = IndexCheck(format: format, expectedFormat: IndexUpdater.format, languages: [],
                               unitsNotYetIndexed: 0, sampledLookups: 0, mismatches: [])
        // Another format is rebuilt when an index opens; there is nothing of it to compare. With
        // none recorded, the TM was never indexed: the next lookup indexes every unit.
        guard format == IndexUpdater.format else {
            if format == 0 { check.unitsNotYetIndexed = try memory.unitCount() }
            return check
        }
        let statistics = try memory.statistics()
        let storeLanguages = Set(statistics.languages.compactMap { LanguageTag($0.language)?.language })
        let languages = Set(try memory.indexedLanguages()).union(storeLanguages).sorted()
        let watermark = revision.indexedThrough
        // Deletions and edits logged after the saved index: the next update applies them, so
        // those units are compared neither way (like units added after the watermark).
        let changedSince = Set(try memory.changedUnits(after: revision.indexed.changes, through: revision.latestChange))
        var samples: [String: [String]] = [:]
        var notYet = changedSince
        for language in languages {
            var entry = IndexCheck.Language(language: language, indexed: 0, stored: 0, missing: 0, extra: 0, damaged: false)
            var indexed = Set<Int64>()
            do {
                // An updater per language, so only one language's index is in memory at a time.
                let updater = try IndexUpdater(memory: memory, parallel: false)
                if let index = try updater.loadedLanguage(language) {
                    for chunk in index.chunks {
                        for document in 0..<chunk.count where !chunk.isDead(document) {
                            let key = chunk.key(of: document)
                            if !changedSince.contains(key.unitID) { indexed.insert(key.packed) }
                        }
                    }
                }
            } catch .damagedIndex {
                entry.damaged = true
            }
            entry.indexed = indexed.count
            var texts: [String] = []
            try memory.forEachVariant(language: language) { variant in
                guard LanguageTag(variant.language) != nil else { return }
                if variant.key.unitID > watermark || changedSince.contains(variant.key.unitID) { notYet.insert(variant.key.unitID); return }
                entry.stored += 1
                if indexed.remove(variant.key.packed) == nil, !entry.damaged { entry.missing += 1 }  // a damaged index is counted as such
                texts.append(variant.text)
            }
            entry.extra = indexed.count
            check.languages.append(entry)
            if sample > 0, !texts.isEmpty {
                let step = max(1, texts.count / sample)
                samples[language] = stride(from: 0, to: texts.count, by: step).prefix(sample).map { texts[$0] }
            }
        }
        check.unitsNotYetIndexed = notYet.count
        guard check.languages.allSatisfy({ !$0.damaged }) else { return check }
        // Lookups: the index as saved plus the units after it, caught up in memory only.
        let index = try FuzzyIndex(memory: memory, lookupsUpdate: false, parallelUpdates: true)
        try index.update(persist: false)
        let matcher = Matcher(index: index)
        for (language, queries) in samples.sorted(by: { $0.key < $1.key }) {
            guard let source = LanguageTag(language),
                  let target = languages.first(where: { $0 != language }).flatMap(LanguageTag.init) else { continue }
            for query in queries {
                let indexed = try matcher.lookup(query, from: source, to: target, options: LookupOptions(minimumScore: 50, maximumResults: 10))
                let scanned = try matcher.lookup(query, from: source, to: target, options: LookupOptions(minimumScore: 50, maximumResults: 10, exhaustive: true))
                check.sampledLookups += 1
                let answer = { (matches: [FuzzyMatch]) in matches.map { "unit \($0.unitID.rawValue) \($0.score)%" }.joined(separator: ", ") }
                if answer(indexed) != answer(scanned) {
                    check.mismatches.append("\(language) «\(query.prefix(60))»: the index answers [\(answer(indexed))], a full scan [\(answer(scanned))]")
                }
            }
        }
        return check
    }

    /// Drops the saved index data and builds it again from the units, in one pass; the units
    /// are not touched. Lookups by other programs meanwhile see the old index until the new one
    /// is saved, then rebuild their copy from it.
    @discardableResult
    public static func rebuild(memory: any MemoryStore) throws(MemoryError) -> UpdateReport {
        try memory.resetIndex(to: 0)  // format 0: none recorded, so the index below starts over
        let index = try FuzzyIndex(memory: memory)
        return try index.update()
    }
}
