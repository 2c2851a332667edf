import Foundation
import KiokuMemory

/// What the stats page shows: totals, a bar chart of segments per language (inline SVG,
/// drawn here: no script), the pairs and the origins.
struct StatsView: Sendable {
    struct Bar: Sendable {
        var language: String
        var value: String
        var y: Int
        var textY: Int
        var width: Int
        var valueX: Int
    }

    struct Pair: Sendable {
        var label: String
        var units: String
    }

    struct Origin: Sendable {
        var path: String
        var units: String
        var importedAt: String
    }

    var units: String
    var segments: String
    var size: String
    /// Units with inline codes, when there are any.
    var markup: String?
    var chartHeight: Int
    var bars: [Bar]
    var pairs: [Pair]
    var origins: [Origin]

    init(_ statistics: MemoryStatistics) {
        let number = { (value: Int) in value.formatted(.number.locale(Locale(identifier: "en_US"))) }
        units = number(statistics.units)
        segments = number(statistics.segments)
        size = statistics.fileBytes >= 1_000_000 ? String(format: "%.1f MB", Double(statistics.fileBytes) / 1e6)
                                                 : String(format: "%.0f KB", Double(statistics.fileBytes) / 1e3)
        markup = statistics.unitsWithMarkup > 0 ? number(statistics.unitsWithMarkup) : nil
        let most = max(1, statistics.languages.map(\.segments).max() ?? 1)
        let longest = 440  // pixels for the largest bar; labels left, values right
        bars = statistics.languages.enumerated().map { index, count in
            let width = max(2, count.segments * longest / most)
            return Bar(language: count.language, value: number(count.segments), y: index * 30, textY: index * 30 + 16,
                       width: width, valueX: 70 + width + 8)
        }
        chartHeight = max(30, bars.count * 30)
        pairs = statistics.pairs.map { Pair(label: $0.languages.joined(separator: " ↔ "), units: number($0.units)) }
        origins = statistics.origins.map { Origin(path: $0.path, units: number($0.units), importedAt: WebDates.readable($0.importedAt)) }
    }
}
