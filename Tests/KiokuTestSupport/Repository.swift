import Foundation

/// Files of the repository the tests read: the bundled samples and each test target's fixtures.
public enum Repository {
    /// The repository's top folder.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file by its path from the top, e.g. `memories/seed-summit.tmx`.
    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The bundled sample memory, `memories/NAME`.
    public static func sample(_ name: String) -> String { path("memories/\(name)") }

    /// A bundled glossary, `glossaries/NAME`.
    public static func glossary(_ name: String) -> String { path("glossaries/\(name)") }

    /// A fixture of a test target, `Tests/TARGET/Fixtures/NAME`.
    public static func fixture(_ name: String, of target: String) -> String { path("Tests/\(target)/Fixtures/\(name)") }
}

extension Repository {
    /// A fixture of the format tests (TMX, XLIFF, TSV files other targets import too).
    public static func formatsFixture(_ name: String) -> String { fixture(name, of: "KiokuFormatsTests") }
}
