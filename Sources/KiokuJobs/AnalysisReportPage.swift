import KiokuFormats

/// `kioku analyze --html`: a one-page report a project manager can attach to a quote — the
/// job's bands as a bar chart (inline SVG) and a table, then each file's table. Self-contained:
/// no scripts, no external assets.
public struct AnalysisReportPage: Sendable {
    public var analysis: JobAnalysis
    /// What the report is about (the TM's name), shown under the title.
    public var memoryName: String

    public init(analysis: JobAnalysis, memoryName: String) {
        self.analysis = analysis
        self.memoryName = memoryName
    }

    static let colors = ["#1b7f3b", "#4c9a2a", "#2e6fbd", "#5b8fd6", "#8fb3e6", "#e0a526", "#e57c23", "#c0392b", "#777777"]

    public func html() -> String {
        let unit = analysis.countingUnit
        var files = ""
        if analysis.files.count > 1 {
            for file in analysis.files {
                files += "<h2>\(escape(file.path))</h2>\n<p>\(escape(file.format.displayName)), \(file.sourceLanguage.identifier) → \(file.targetLanguage.identifier)</p>\n"
                files += table(file.bands, total: file.total)
            }
        }
        let languages = Set(analysis.files.map { "\($0.sourceLanguage.identifier) → \($0.targetLanguage.identifier)" }).sorted().joined(separator: ", ")
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Match analysis: \(escape(analysis.files.map(\.path).joined(separator: ", ")))</title>
            <style>
            body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5em; color: #222; max-width: 60em; }
            table { border-collapse: collapse; margin: .5em 0 1.5em; }
            th, td { border-bottom: 1px solid #ddd; padding: .3em .7em; text-align: right; font-variant-numeric: tabular-nums; }
            th:first-child, td:first-child { text-align: left; }
            tr.total td { font-weight: bold; border-top: 2px solid #999; }
            .swatch { display: inline-block; width: .9em; height: .9em; margin-right: .4em; vertical-align: -.1em; }
            svg text { font: 12px system-ui, sans-serif; }
            </style></head><body>
            <h1>Match analysis</h1>
            <p>\(analysis.files.count) file\(analysis.files.count == 1 ? "" : "s") (\(escape(languages))) against \(escape(memoryName)): \
            \(analysis.total.segments) segments, \(analysis.total.words) words, \(analysis.total.characters) characters. \
            Quote unit: \(unit). Repetitions are segments seen earlier in the job.</p>
            \(chart(analysis.bands, unit: unit))
            \(table(analysis.bands, total: analysis.total))
            \(files)</body></html>

            """
    }

    /// A horizontal bar per band, its length the band's share of the quote unit.
    func chart(_ bands: [JobAnalysis.Band], unit: String) -> String {
        let values = bands.map { unit == "characters" ? $0.characters : $0.words }
        let largest = max(1, values.max() ?? 1)
        let rowHeight = 24, labelWidth = 130, barWidth = 380
        var bars = ""
        for (index, band) in bands.enumerated() {
            let y = index * rowHeight
            let width = values[index] * barWidth / largest
            bars += """
                <text x="\(labelWidth - 8)" y="\(y + 16)" text-anchor="end">\(escape(band.name))</text>\
                <rect x="\(labelWidth)" y="\(y + 4)" width="\(max(width, values[index] > 0 ? 1 : 0))" height="\(rowHeight - 8)" fill="\(Self.colors[index % Self.colors.count])"><title>\(escape(band.name)): \(values[index]) \(unit)</title></rect>\
                <text x="\(labelWidth + width + 6)" y="\(y + 16)">\(values[index])</text>

                """
        }
        let height = bands.count * rowHeight
        return """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" width="\(labelWidth + barWidth + 80)" height="\(height)" viewBox="0 0 \(labelWidth + barWidth + 80) \(height)" aria-label="\(escape(unit)) per match band">
            \(bars)</svg>
            """
    }

    func table(_ bands: [JobAnalysis.Band], total: JobAnalysis.Band) -> String {
        var rows = ""
        for (index, band) in bands.enumerated() {
            rows += "<tr><td><span class=\"swatch\" style=\"background:\(Self.colors[index % Self.colors.count])\"></span>\(escape(band.name))</td>"
                + "<td>\(band.segments)</td><td>\(band.words)</td><td>\(band.characters)</td>"
                + "<td>\(total.words == 0 ? "–" : AnalysisTable.percent(band.words, of: total.words))</td></tr>\n"
        }
        rows += "<tr class=\"total\"><td>total</td><td>\(total.segments)</td><td>\(total.words)</td><td>\(total.characters)</td><td>100.0</td></tr>\n"
        return "<table><thead><tr><th>band</th><th>segments</th><th>words</th><th>characters</th><th>% of words</th></tr></thead><tbody>\n"
            + rows + "</tbody></table>\n"
    }

    private func escape(_ text: String) -> String { XMLEscaping.escape(text, attribute: true) }
}
