/// `kioku analyze`'s readable output: one table per file (when there are several), then the job's.
public enum AnalysisTable {
    public static func render(_ analysis: JobAnalysis) -> String {
        var out = ""
        if analysis.files.count > 1 {
            for file in analysis.files {
                out += "\(file.path) (\(file.format.displayName), \(file.sourceLanguage.identifier) → \(file.targetLanguage.identifier))\n"
                out += table(file.bands, total: file.total) + "\n"
            }
            out += "Whole job (\(analysis.files.count) files; repetitions counted across files)\n"
        } else if let file = analysis.files.first {
            out += "\(file.path) (\(file.format.displayName), \(file.sourceLanguage.identifier) → \(file.targetLanguage.identifier))\n"
        }
        out += table(analysis.bands, total: analysis.total)
        out += "Quote unit for this source language: \(analysis.countingUnit).\n"
        return out
    }

    static func table(_ bands: [JobAnalysis.Band], total: JobAnalysis.Band) -> String {
        let header = ["band", "segments", "words", "characters", "% of words"]
        let rows = (bands + [total]).map { band in
            [band.name, String(band.segments), String(band.words), String(band.characters),
             total.words == 0 ? "–" : percent(band.words, of: total.words)]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                column == 0 ? cell.padding(to: widths[0]) : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ") + "\n"
        }
        var out = line(header)
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows.dropLast() { out += line(row) }
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        out += line(rows.last ?? [])
        return out
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10)"
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
