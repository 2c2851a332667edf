import KiokuFormats

/// A side-by-side HTML page of an alignment (source | target | score) for a person to check
/// before importing: doubtful pairings and 1-0/0-1 beads are highlighted, and a summary on top
/// says how many of each there are. One self-contained file: no scripts, no external assets.
public struct ReviewPage: Sendable {
    public var alignment: Alignment
    public var sourceName: String
    public var targetName: String
    /// Pairings scoring below this are marked doubtful.
    public var doubtfulBelow: Double

    public init(alignment: Alignment, sourceName: String, targetName: String, doubtfulBelow: Double = Aligner.doubtfulScore) {
        self.alignment = alignment
        self.sourceName = sourceName
        self.targetName = targetName
        self.doubtfulBelow = doubtfulBelow
    }

    public func html() -> String {
        let beads = alignment.beads
        let omissions = beads.filter { !$0.isPair }.count
        let doubtful = beads.filter { $0.isPair && $0.score < doubtfulBelow }.count
        var rows = ""
        for (index, bead) in beads.enumerated() {
            let kind = !bead.isPair ? "omission" : bead.score < doubtfulBelow ? "doubtful" : "ok"
            rows += """
                <tr class="\(kind)" id="b\(index + 1)"><td class="n">\(index + 1)</td>\
                <td lang="\(alignment.sourceLanguage)">\(escape(alignment.sourceText(of: bead)))</td>\
                <td lang="\(alignment.targetLanguage)">\(escape(alignment.targetText(of: bead)))</td>\
                <td class="n">\(bead.shape)</td><td class="n">\(String(format2: bead.score))</td></tr>

                """
        }
        let warnings = alignment.warnings.map { "<p class=\"warning\">\(escape($0.description))</p>" }.joined()
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Alignment review: \(escape(sourceName)) ↔ \(escape(targetName))</title>
            <style>
            body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5em; color: #222; }
            table { border-collapse: collapse; width: 100%; table-layout: fixed; }
            th, td { border-bottom: 1px solid #ddd; padding: .35em .5em; vertical-align: top; text-align: left; }
            th { position: sticky; top: 0; background: #f4f4f4; }
            td.n, th.n { width: 4.5em; text-align: right; font-variant-numeric: tabular-nums; color: #555; }
            tr.doubtful { background: #fff3cd; }
            tr.omission { background: #f8d7da; }
            .warning { background: #f8d7da; padding: .5em; }
            .key span { padding: 0 .4em; margin-right: 1em; }
            </style></head><body>
            <h1>Alignment review</h1>
            <p>\(escape(sourceName)) (\(alignment.sourceLanguage)) ↔ \(escape(targetName)) (\(alignment.targetLanguage)): \
            \(alignment.source.count) and \(alignment.target.count) sentences, \(beads.count) beads, \
            \(counted(doubtful, "doubtful pairing")), \(counted(omissions, "sentence")) without a counterpart.</p>
            <p class="key"><span style="background:#fff3cd">doubtful (score &lt; \(String(format2: doubtfulBelow)))</span>\
            <span style="background:#f8d7da">no counterpart (1-0, 0-1)</span></p>
            \(warnings)
            <table><thead><tr><th class="n">#</th><th>\(escape(sourceName))</th><th>\(escape(targetName))</th>\
            <th class="n">bead</th><th class="n">score</th></tr></thead><tbody>
            \(rows)</tbody></table></body></html>

            """
    }

    private func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    private func escape(_ text: String) -> String { XMLEscaping.escape(text, attribute: true) }
}
