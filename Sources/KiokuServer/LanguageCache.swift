import Foundation
import KiokuFormats
import KiokuMemory
import KiokuText

/// The TM's languages and language pairs: read from the TM at start, then extended by
/// every unit written through the server, so no request ever waits for a count.
///
/// A pair is known by its primary subtags: a TM with `en` and `ja-JP` answers `en_US`→`ja`
/// as well, the way Weblate falls back from `pt_br` to `pt`.
final class LanguageCache: @unchecked Sendable {
    private let lock = NSLock()
    private var pairs = Set<String>()
    private var codes = Set<String>()

    init(memory: TranslationMemory) throws(MemoryError) {
        try reload(from: memory)
    }

    /// Reads the languages from the TM again (after another program added units).
    func reload(from memory: TranslationMemory) throws(MemoryError) {
        for pair in try memory.statistics().pairs { record(pair.languages.compactMap(LanguageTag.init)) }
    }

    /// Adds the languages of units just written.
    func record(_ units: [TranslationUnit]) {
        for unit in units { record(unit.variants.map(\.language)) }
    }

    private func record(_ tags: [LanguageTag]) {
        lock.withLock {
            for a in tags {
                // Both forms a tmserver client may compare with: `pt` and `pt_br` (Weblate lower-cases and uses `_`).
                codes.insert(a.language)
                codes.insert(a.identifier.lowercased().replacingOccurrences(of: "-", with: "_"))
                for b in tags where a.language != b.language { pairs.insert(a.language + "|" + b.language) }
            }
        }
    }

    /// Whether the TM holds units in both languages (by primary subtag).
    func hasPair(_ source: LanguageTag, _ target: LanguageTag) -> Bool {
        lock.withLock { pairs.contains(source.language + "|" + target.language) }
    }

    /// Every language code of the TM, primary and regional, in tmserver's form (`pt_br`).
    func allCodes() -> [String] {
        lock.withLock { codes.sorted() }
    }
}
