import KiokuText
@testable import KiokuMatch

extension Matcher {
    /// The scores of a lookup's matches, best first.
    func scores(_ query: String, _ from: LanguageTag = .english, _ to: LanguageTag = .russian, min: Int = 50) throws -> [Int] {
        try lookup(query, from: from, to: to, options: LookupOptions(minimumScore: min)).map(\.score)
    }
}
