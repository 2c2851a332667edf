import KiokuTestSupport

/// This target's hand-written fixtures (`Fixtures/`, next to this file).
enum Fixtures {
    static func path(_ name: String) -> String { Repository.fixture(name, of: "KiokuFormatsTests") }
}
