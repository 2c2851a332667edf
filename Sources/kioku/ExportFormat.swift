import ArgumentParser

/// What `kioku export` writes.
enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
    case tmx, tsv

    /// TSV for a `.tsv` name, else TMX.
    init(path: String) {
        self = path.lowercased().hasSuffix(".tsv") ? .tsv : .tmx
    }
}
