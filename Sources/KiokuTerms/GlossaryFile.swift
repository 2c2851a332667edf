import KiokuFormats

/// Reads a glossary in whichever format its name says (.tbx, .tsv, .csv, .txt).
public enum GlossaryFile {
    public static func read(path: String) throws(FormatError) -> Glossary {
        let lower = path.lowercased()
        if lower.hasSuffix(".tbx") || lower.hasSuffix(".xml") { return try TBXReader.read(path: path) }
        if lower.hasSuffix(".tsv") || lower.hasSuffix(".csv") || lower.hasSuffix(".txt") { return try GlossaryTable.read(path: path) }
        throw .unknownFormat(file: path, known: [".tbx", ".tsv", ".csv"])
    }

    /// Several glossary files read as one (`Glossary.merged`).
    public static func read(paths: [String]) throws(FormatError) -> Glossary {
        var glossaries: [Glossary] = []
        for path in paths { glossaries.append(try read(path: path)) }
        return Glossary.merged(glossaries)
    }

    public static func write(_ glossary: Glossary, to path: String) throws(FormatError) {
        if path.lowercased().hasSuffix(".tbx") { try TBXWriter.write(glossary, to: path) } else { try GlossaryTable.write(glossary, to: path) }
    }
}
