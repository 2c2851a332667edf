import KiokuConcurrency
import KiokuFormats
import KiokuMemory
import KiokuText

/// The TM's languages and language pairs: read from the TM at start, then extended by
/// every unit written through the server, so no request ever waits for a count.
///
/// A pair is known by its primary subtags: a TM with `en` and `ja-JP` answers `en_US`→`ja`
/// as well, the way Weblate falls back from `pt_br` to `pt`.
final class LanguageCache: Sendable {
    private struct Known {
        var pairs = Set<LanguagePair>()
        var codes = Set<String>()
    }

    private let known = Locked(Known())

    init(memory: any MemoryStore) throws(MemoryError) {
        try reload(from: memory)
    }

    /// Reads the languages from the TM again (after another program added units).
    func reload(from memory: any MemoryStore) throws(MemoryError) {
        for pair in try memory.statistics().pairs { record(pair.languages.compactMap(LanguageTag.init)) }
    }

    /// Adds the languages of units just written.
    func record(_ units: [TranslationUnit]) {
        for unit in units { record(unit.variants.map(\.language)) }
    }

    private func record(_ tags: [LanguageTag]) {
        known.withLock { known in
            for a in tags {
                // Both forms a tmserver client may compare with: `pt` and `pt_br` (Weblate lower-cases and uses `_`).
                known.codes.insert(a.language)
                known.codes.insert(a.identifier.lowercased().replacingOccurrences(of: "-", with: "_"))
                for b in tags where a.language != b.language { known.pairs.insert(LanguagePair(a, b)) }
            }
        }
    }

    /// Whether the TM holds units in both languages (by primary subtag).
    func hasPair(_ source: LanguageTag, _ target: LanguageTag) -> Bool {
        known.withLock { $0.pairs.contains(LanguagePair(source, target)) }
    }

    /// The TM's languages by primary subtag (`en`, `ja`, `pt`), sorted.
    func primaryLanguages() -> [String] {
        known.withLock { Set($0.pairs.flatMap { [$0.source.identifier, $0.target.identifier] }).sorted() }
    }

    /// Every language code of the TM, primary and regional, in tmserver's form (`pt_br`).
    func allCodes() -> [String] {
        known.withLock { $0.codes.sorted() }
    }
}
