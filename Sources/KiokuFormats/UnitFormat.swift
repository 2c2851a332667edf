import KiokuText

/// The file formats Kioku reads translation units from.
public enum UnitFormat: String, Sendable, CaseIterable {
    case tmx, tsv, csv, xliff, moses, po

    /// The file name endings ``init(path:)`` recognizes.
    public static let knownEndings = [".tmx", ".tsv", ".tab", ".csv", ".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".po"]

    /// Guesses the format from a file name: `.tmx`, `.tsv`/`.tab`, `.csv`, `.xlf`/`.xliff`/`.sdlxliff`/`.mqxliff`, `.po`.
    public init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".tmx") { self = .tmx }
        else if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { self = .tsv }
        else if lower.hasSuffix(".csv") { self = .csv }
        else if [".xlf", ".xliff", ".sdlxliff", ".mqxliff"].contains(where: lower.hasSuffix) { self = .xliff }
        else if lower.hasSuffix(".po") { self = .po }
        else { return nil }
    }
}
