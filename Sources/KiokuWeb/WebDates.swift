import KiokuFormats

/// Dates as people read them: TMX's `20261127T185700Z` becomes `2026-11-27 18:57 UTC`.
enum WebDates {
    static func readable(_ date: String) -> String {
        let key = Metadata.sortKey(ofDate: date)  // yyyyMMddHHmmss when the date could be read
        guard key.count == 14, key.allSatisfy(\.isNumber) else { return date }
        let digits = Array(key)
        func part(_ range: Range<Int>) -> String { String(digits[range]) }
        return "\(part(0..<4))-\(part(4..<6))-\(part(6..<8)) \(part(8..<10)):\(part(10..<12)) UTC"
    }
}
