/// `kioku analyze --csv`: one row per file and band, then the job's rows (file `TOTAL`), for a
/// spreadsheet or a quoting system. RFC 4180 quoting.
public enum AnalysisCSV {
    public static func render(_ analysis: JobAnalysis) -> String {
        var out = "file,source,target,band,segments,words,characters\r\n"
        for file in analysis.files {
            for band in file.bands + [file.total] {
                out += row([file.path, file.sourceLanguage.identifier, file.targetLanguage.identifier, band.name,
                            String(band.segments), String(band.words), String(band.characters)])
            }
        }
        for band in analysis.bands + [analysis.total] {
            out += row(["TOTAL", "", "", band.name, String(band.segments), String(band.words), String(band.characters)])
        }
        return out
    }

    static func row(_ cells: [String]) -> String {
        cells.map { cell in
            cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + cell.replacing("\"", with: "\"\"") + "\"" : cell
        }.joined(separator: ",") + "\r\n"
    }
}
