import Foundation
import KiokuFormats
import KiokuMemory
import KiokuText

/// A ``MemoryStore`` held in memory: a second implementation of the storage contract, so
/// tests can show that imports, the fuzzy index, concordance and glossaries run on any
/// store, and answer exactly as on SQLite. Writes are transactions: a write works on a
/// copy of the state, which replaces the state only when the write succeeds.
public final class InMemoryStore: MemoryStore, @unchecked Sendable {
    struct State {
        var units: [UnitID: StoredUnit] = [:]
        var hashes: [Int64: [UnitID]] = [:]
        var nextUnit: Int64 = 1
        var origins: [String: (id: OriginID, importedAt: String)] = [:]
        var indexed = IndexWatermark.none
        var indexFormat = 0
        /// The change log: each deletion or edit, the unit it touched.
        var changes: [UnitID] = []
        var history: [UnitID: [VariantRevision]] = [:]
        var vocabulary: [String: [(token: String, id: UInt32)]] = [:]
        var chunks: [String: [Int: [UInt8]]] = [:]
        var dead: [String: [Int: [UInt8]]] = [:]
        var glossary: [GlossaryRecord] = []

        var orderedUnits: [StoredUnit] { units.keys.sorted().map { units[$0]! } }
    }

    public let location: String
    private let stateLock = NSLock()
    private let writeLock = NSLock()
    private var state = State()
    private var writes = 0

    /// When set, `forEachUnit` fails as a lost connection would, after handing over this many
    /// units: for tests of what a reader's failure part way leaves behind.
    public var failsReadingAfter: Int?

    public init(name: String = "memory") {
        location = name
    }

    private var current: State { stateLock.withLock { state } }

    // MARK: Writing

    public var localWriteCount: Int { stateLock.withLock { writes } }

    public func write<T>(_ body: (any MemoryWriter) throws -> T) throws(MemoryError) -> T {
        writeLock.lock()
        defer { writeLock.unlock() }
        let writer = Writer(state: current)
        defer { stateLock.withLock { writes += 1 } }
        return try failing(writing: true) {
            let result = try body(writer)
            stateLock.withLock { state = writer.state }
            return result
        }
    }

    public func checkpoint() throws(MemoryError) {}

    public func integrityProblems() throws(MemoryError) -> [String] { [] }

    /// Runs `body`, turning what it throws into a ``MemoryError`` as a store must.
    private func failing<T>(writing: Bool, _ body: () throws -> T) throws(MemoryError) -> T {
        do {
            return try body()
        } catch let error as MemoryError {
            throw error
        } catch let error as FormatError {
            throw .format(error)
        } catch {
            throw writing ? .writeFailed(path: location, reason: "\(error)") : .readFailed(path: location, reason: "\(error)")
        }
    }

    final class Writer: MemoryWriter {
        var state: State

        init(state: State) { self.state = state }

        func recordOrigin(_ path: String, importedAt: String) throws(MemoryError) -> OriginID {
            let id = state.origins[path]?.id ?? OriginID(rawValue: Int64(state.origins.count + 1))
            state.origins[path] = (id, importedAt)
            return id
        }

        func units(withContentHash hash: Int64) throws(MemoryError) -> [UnitID] { state.hashes[hash] ?? [] }

        func units(containingPair hash: Int64) throws(MemoryError) -> [UnitID] {
            state.units.values.filter { $0.unit.variants.count >= 3 && ContentHash.pairs(of: $0.unit).contains(hash) }.map(\.id).sorted()
        }

        func variants(of unit: UnitID) throws(MemoryError) -> [Variant] {
            (state.units[unit]?.unit.variants ?? []).map { Variant(language: $0.language, segment: $0.segment) }
        }

        func insert(_ unit: TranslationUnit, contentHash: Int64, origin: OriginID) throws(MemoryError) -> UnitID {
            let id = UnitID(state.nextUnit)
            state.nextUnit += 1
            let path = state.origins.first { $0.value.id == origin }?.key
            state.units[id] = StoredUnit(id: id, origin: path, unit: unit)
            state.hashes[contentHash, default: []].append(id)
            return id
        }

        func insert(_ unit: TranslationUnit, contentHash: Int64, origin: OriginID, id: UnitID) throws(MemoryError) {
            state.nextUnit = max(state.nextUnit, id.rawValue + 1)
            let path = state.origins.first { $0.value.id == origin }?.key
            state.units[id] = StoredUnit(id: id, origin: path, unit: unit)
            state.hashes[contentHash, default: []].append(id)
        }

        func saveGlossaryRecord(_ record: GlossaryRecord) throws(MemoryError) -> Bool {
            if let index = state.glossary.firstIndex(where: { $0.id == record.id }) {
                state.glossary[index] = record
                return false
            }
            state.glossary.append(record)
            return true
        }

        func recordRevision(_ revision: VariantRevision) throws(MemoryError) {
            state.history[revision.unitID, default: []].append(revision)
        }

        func mergeMetadata(into unit: UnitID, from duplicate: TranslationUnit) throws(MemoryError) {
            state.units[unit]?.unit.absorb(duplicate)
        }

        func delete(_ unit: UnitID, stamp: ChangeStamp) throws(MemoryError) -> Bool {
            guard let stored = state.units.removeValue(forKey: unit) else { return false }
            state.hashes[ContentHash.of(stored.unit)]?.removeAll { $0 == unit }
            state.history[unit] = nil
            state.changes.append(unit)
            return true
        }

        func replaceVariant(of unit: UnitID, position: Int, with segment: Segment, stamp: ChangeStamp) throws(MemoryError) {
            guard var stored = state.units[unit], position < stored.unit.variants.count else { throw .noSuchUnit(path: "memory", id: unit) }
            let old = stored.unit.variants[position]
            state.history[unit, default: []].append(VariantRevision(unitID: unit, language: old.language.identifier, text: old.segment.text,
                                                                     markup: old.segment.markup, replaced: stamp))
            state.hashes[ContentHash.of(stored.unit)]?.removeAll { $0 == unit }
            stored.unit.variants[position].segment = segment
            stored.unit.metadata.changeDate = stamp.date
            stored.unit.metadata.changeUser = stamp.user
            state.hashes[ContentHash.of(stored.unit), default: []].append(unit)
            state.units[unit] = stored
            state.changes.append(unit)
        }

        func unitCount() throws(MemoryError) -> Int { state.units.count }
    }

    // MARK: Units

    public func unitCount() throws(MemoryError) -> Int { current.units.count }

    public func unit(_ id: UnitID) throws(MemoryError) -> StoredUnit? { current.units[id] }

    public func forEachUnit(ids: ClosedRange<UnitID>?, languages: [LanguageTag]?,
                            _ body: (StoredUnit) throws -> Void) throws(MemoryError) {
        var handedOver = 0
        try failing(writing: false) {
            for var stored in current.orderedUnits where ids?.contains(stored.id) ?? true {
                if let languages {
                    stored.unit.variants.removeAll { variant in !languages.contains { $0.covers(variant.language) } }
                    guard stored.unit.variants.count >= 2 else { continue }
                }
                if let failsReadingAfter, handedOver >= failsReadingAfter {
                    throw MemoryError.readFailed(path: location, reason: "the connection was lost")
                }
                try body(stored)
                handedOver += 1
            }
        }
    }

    public func statistics() throws(MemoryError) -> MemoryStatistics {
        let state = current
        var segments: [String: Int] = [:]
        var pairs: [[String]: Int] = [:]
        var byOrigin: [String: Int] = [:]
        for stored in state.units.values {
            let languages = stored.unit.variants.map(\.language.identifier)
            for language in languages { segments[language, default: 0] += 1 }
            for a in languages { for b in languages where a < b { pairs[[a, b], default: 0] += 1 } }
            if let origin = stored.origin { byOrigin[origin, default: 0] += 1 }
        }
        return MemoryStatistics(
            path: location, units: state.units.count, segments: segments.values.reduce(0, +),
            languages: segments.map { .init(language: $0.key, segments: $0.value) }
                .sorted { ($0.segments, $1.language) > ($1.segments, $0.language) },
            pairs: pairs.map { .init(languages: $0.key, units: $0.value) }
                .sorted { $0.units != $1.units ? $0.units > $1.units : $0.languages.lexicographicallyPrecedes($1.languages) },
            origins: state.origins.sorted { $0.value.id.rawValue < $1.value.id.rawValue }
                .map { .init(path: $0.key, units: byOrigin[$0.key] ?? 0, importedAt: $0.value.importedAt) },
            fileBytes: 0,
            unitsWithMarkup: state.units.values.filter { $0.unit.variants.contains { $0.segment.markup != nil } }.count)
    }

    /// Nothing is on disk.
    public func storedBytes() throws(MemoryError) -> Int64 { 0 }

    public func dominantSourceLanguage() throws(MemoryError) -> LanguageTag? {
        var counts: [LanguageTag: Int] = [:]
        for stored in current.units.values { if let source = stored.unit.sourceLanguage { counts[source, default: 0] += 1 } }
        return counts.max { $0.value < $1.value }?.key
    }

    // MARK: What the fuzzy index reads

    public func revision() throws(MemoryError) -> StoreRevision {
        let state = current
        return StoreRevision(latestUnit: UnitID(state.nextUnit - 1), latestChange: Int64(state.changes.count), indexed: state.indexed)
    }

    public func changedUnits(after: Int64, through: Int64) throws(MemoryError) -> [UnitID] {
        let changes = current.changes
        let range = Int(min(max(after, 0), Int64(changes.count)))..<Int(min(max(through, after), Int64(changes.count)))
        return Set(changes[range]).sorted()
    }

    public func indexableVariants(of units: [UnitID]) throws(MemoryError) -> [IndexableVariant] {
        let state = current
        return units.sorted().flatMap { id in state.units[id].map(Self.indexable) ?? [] }
    }

    public func existingUnits(_ ids: [UnitID]) throws(MemoryError) -> [UnitID] {
        let units = current.units
        return Set(ids).sorted().filter { units[$0] != nil }
    }

    public func units(fromOrigin origin: String) throws(MemoryError) -> [UnitID] {
        current.orderedUnits.filter { $0.origin == origin }.map(\.id)
    }

    public func history(of unit: UnitID) throws(MemoryError) -> [VariantRevision] { current.history[unit] ?? [] }

    public func forEachRevision(_ body: (VariantRevision) throws -> Void) throws(MemoryError) {
        let all = current.history.values.flatMap { $0 }.sorted { $0.replaced.date < $1.replaced.date }
        do { for revision in all { try body(revision) } } catch { throw error as? MemoryError ?? .readFailed(path: "memory", reason: "\(error)") }
    }

    public func unitsHaveDates() throws(MemoryError) -> Bool {
        current.units.values.contains { $0.unit.latestDate != nil }
    }

    public func indexableVariants(after: UnitID, through: UnitID, limit: Int) throws(MemoryError) -> IndexableBatch {
        var variants: [IndexableVariant] = []
        var covered = through
        for stored in current.orderedUnits where stored.id > after && stored.id <= through {
            if !variants.isEmpty, variants.count + stored.unit.variants.count > limit {
                covered = UnitID(stored.id.rawValue - 1)
                break
            }
            variants += Self.indexable(stored)
            covered = stored.id
        }
        return IndexableBatch(variants: variants, through: covered)
    }

    public func forEachVariant(language: String, _ body: (IndexableVariant) throws -> Void) throws(MemoryError) {
        try failing(writing: false) {
            for stored in current.orderedUnits {
                for variant in Self.indexable(stored) where LanguageTag(variant.language)?.language == language { try body(variant) }
            }
        }
    }

    private static func indexable(_ stored: StoredUnit) -> [IndexableVariant] {
        stored.unit.variants.enumerated().compactMap { position, variant in
            VariantKey(unit: stored.id, position: position).map {
                IndexableVariant(key: $0, language: variant.language.identifier, text: variant.segment.text)
            }
        }
    }

    public func withRankingReader<T>(_ body: (any RankingReader) throws -> T) throws(MemoryError) -> T {
        try failing(writing: false) { try body(Reader(units: current.units)) }
    }

    struct Reader: RankingReader {
        let units: [UnitID: StoredUnit]

        func candidate(_ key: VariantKey) -> (text: String, others: [(language: String, text: String)])? {
            guard let variants = units[key.unitID]?.unit.variants, key.position < variants.count else { return nil }
            let others = variants.indices.filter { $0 != key.position }.map { (variants[$0].language.identifier, variants[$0].segment.text) }
            return (variants[key.position].segment.text, others)
        }

        func rankingFacts(of unit: UnitID) -> RankingFacts {
            RankingFacts(recency: (units[unit]?.unit.latestDate).map(Metadata.sortKey(ofDate:)) ?? "", contexts: units[unit]?.unit.contexts ?? [])
        }

        func unit(_ id: UnitID) -> StoredUnit? { units[id] }
    }

    // MARK: The fuzzy index's own data

    public func indexFormat() throws(MemoryError) -> Int { current.indexFormat }

    public func resetIndex(to format: Int) throws(MemoryError) {
        writeLock.lock()
        defer { writeLock.unlock() }
        stateLock.withLock {
            writes += 1
            guard state.indexFormat != format else { return }
            state.vocabulary = [:]
            state.chunks = [:]
            state.dead = [:]
            state.indexed = IndexWatermark(units: .none, changes: 0, saves: state.indexed.saves + 1)
            state.indexFormat = format
        }
    }

    public func indexedLanguages() throws(MemoryError) -> [String] {
        current.chunks.filter { !$0.value.isEmpty }.keys.sorted()
    }

    public func loadIndex(language: String, vocabulary: (String, UInt32) -> Void,
                          chunk: (UnsafeRawBufferPointer, UnsafeRawBufferPointer?) throws -> Void) throws(MemoryError) {
        let state = current
        for entry in state.vocabulary[language] ?? [] { vocabulary(entry.token, entry.id) }
        try failing(writing: false) {
            for number in (state.chunks[language] ?? [:]).keys.sorted() {
                let dead = state.dead[language]?[number]
                try state.chunks[language]![number]!.withUnsafeBytes { bytes in
                    if let dead { try dead.withUnsafeBytes { try chunk(bytes, $0) } } else { try chunk(bytes, nil) }
                }
            }
        }
    }

    public func saveIndex(_ changes: [IndexChanges], replacing base: IndexWatermark, through: IndexWatermark,
                          replacingAll: Bool) throws(MemoryError) -> Bool {
        writeLock.lock()
        defer { writeLock.unlock() }
        return stateLock.withLock {
            writes += 1
            guard state.indexed == base else { return false }
            if replacingAll {
                state.vocabulary = [:]
                state.chunks = [:]
                state.dead = [:]
            }
            for change in changes {
                state.vocabulary[change.language, default: []] += change.newTokens
                for chunk in change.chunks { state.chunks[change.language, default: [:]][chunk.number] = chunk.encode() }
                for dead in change.deadDocuments { state.dead[change.language, default: [:]][dead.chunk] = dead.bits.isEmpty ? nil : dead.bits }
            }
            state.indexed = IndexWatermark(units: through.units, changes: through.changes, saves: base.saves + 1)
            return true
        }
    }

    // MARK: The stored glossary

    public func glossaryRecords() throws(MemoryError) -> [GlossaryRecord] { current.glossary }
}
