import ArgumentParser

/// What `kioku export` writes.
enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
    case tmx, tsv, xliff

    /// TSV for a `.tsv` name, XLIFF 1.2 for `.xlf`/`.xliff`, else TMX.
    init(path: String) {
        let name = path.lowercased()
        if name.hasSuffix(".tsv") {
            self = .tsv
        } else if name.hasSuffix(".xlf") || name.hasSuffix(".xliff") {
            self = .xliff
        } else {
            self = .tmx
        }
    }
}
