import KiokuTestSupport
import KiokuText
@testable import KiokuTerms

extension Repository {
    /// This target's fixtures (`Fixtures/`, next to this file).
    static func termsFixture(_ name: String) -> String { fixture(name, of: "KiokuTermsTests") }
    /// The bundled glossary of the seed article's names and places.
    static var seedGlossary: Glossary { try! TBXReader.read(path: glossary("names-and-places.tbx")) }
}

extension TermFinder {
    func concepts(in text: String) -> [String] { occurrences(in: text).map(\.conceptID) }
    func found(in text: String) -> [String] { occurrences(in: text).map(\.found) }
}
