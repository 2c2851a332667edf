import KiokuFormats
import KiokuText

extension MemoryStore {
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
}
