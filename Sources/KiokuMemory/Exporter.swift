import KiokuFormats
import KiokuText

extension TranslationMemory {
    /// Writes every unit (or those with at least two of `languages`) to `writer`, then finishes it.
    /// Returns the number of units written.
    @discardableResult
    public func export(to writer: any UnitWriter, languages: [LanguageTag]? = nil) throws(MemoryError) -> Int {
        var count = 0
        try forEachUnit(languages: languages) { stored in
            try writer.write(stored.unit)
            count += 1
        }
        do { try writer.finish() } catch { throw .format(error) }
        return count
    }

    /// The language to name as the TMX header's `srclang`: the one most units have as source.
    public func dominantSourceLanguage() throws(MemoryError) -> LanguageTag? {
        do {
            return try database.read { db in
                try String.fetchOne(db, sql: "SELECT source_lang FROM unit WHERE source_lang IS NOT NULL GROUP BY source_lang ORDER BY count(*) DESC LIMIT 1")
            }.flatMap(LanguageTag.init)
        } catch { throw databaseError(error) }
    }
}
