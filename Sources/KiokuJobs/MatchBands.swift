import KiokuText

/// The match bands of an analysis, as CAT tools report them: context matches (101), repetitions,
/// then one band per lower bound (100 %, 95–99 %, 85–94 %, …), then no match.
public struct MatchBands: Sendable, Hashable, Codable {
    /// The bands' lower bounds, highest first (`[100, 95, 85, 75, 50]` by default).
    public let lowerBounds: [Int]

    public static let standard = try! MatchBands([100, 95, 85, 75, 50])

    /// Bands from lower bounds in any order; each must be 1…100 and appear once.
    public init(_ bounds: [Int]) throws(JobError) {
        guard !bounds.isEmpty else { throw .invalidBands("give at least one band, like 100,95,85,75,50") }
        guard bounds.allSatisfy({ (1...100).contains($0) }) else { throw .invalidBands("every band's lower bound must be between 1 and 100") }
        guard Set(bounds).count == bounds.count else { throw .invalidBands("a band's lower bound appears twice") }
        lowerBounds = bounds.sorted(by: >)
    }

    /// Bands from a comma-separated list of lower bounds (`"100,95,85,75,50"`), as the CLI's
    /// `--bands` and the server's `?bands=` take them.
    public init(parsing list: String) throws(JobError) {
        var bounds: [Int] = []
        for piece in list.split(separator: ",", omittingEmptySubsequences: false) {
            guard let bound = Int(String(piece).trimmingWhitespace()) else { throw .invalidBands("\"\(piece)\" is not a number") }
            bounds.append(bound)
        }
        try self.init(bounds)
    }

    /// The lowest score any band takes: lookups need go no lower.
    public var minimum: Int { lowerBounds.last ?? 100 }

    /// The names of all bands, in report order.
    public var names: [String] {
        [Self.context, Self.repetition] + lowerBounds.indices.map(name(ofBand:)) + [Self.noMatch]
    }

    /// The name of the band a score falls in (nil or below the lowest bound: no match).
    public func band(for score: Int?) -> String {
        guard let score else { return Self.noMatch }
        if score > 100 { return Self.context }
        guard let index = lowerBounds.firstIndex(where: { score >= $0 }) else { return Self.noMatch }
        return name(ofBand: index)
    }

    private func name(ofBand index: Int) -> String {
        let low = lowerBounds[index]
        let high = index == 0 ? 100 : lowerBounds[index - 1] - 1
        return low == high ? "\(low)%" : "\(low)–\(high)%"
    }

    public static let context = "context (101%)"
    public static let repetition = "repetitions"
    public static let noMatch = "no match"
}
