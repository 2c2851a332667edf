import KiokuFormats
import KiokuText

/// What to do while importing.
public struct ImportOptions {
    /// Keep only these languages (a unit left with fewer than two is skipped); nil keeps all.
    public var languages: [LanguageTag]?
    /// How many skips to list in the report one by one (all are counted).
    public var maximumListedSkips: Int
    /// Decides, unit by unit, whether to store it, keep it out, or store it flagged (e.g. a
    /// glossary check). Runs on the writing thread.
    public var screen: ((TranslationUnit, SourceLocation) -> Screening)?
    /// Told, on the writing thread, of each unit stored as new, with the id it was given (not
    /// of duplicates merged into a stored unit). The import has not committed yet: when it
    /// fails, none of these units is kept. The fuzzy index's `ImportTokenizer` takes them.
    public var inserted: ((UnitID, TranslationUnit) -> Void)?

    public init(languages: [LanguageTag]? = nil, maximumListedSkips: Int = 50,
                screen: ((TranslationUnit, SourceLocation) -> Screening)? = nil,
                inserted: ((UnitID, TranslationUnit) -> Void)? = nil) {
        self.languages = languages
        self.maximumListedSkips = maximumListedSkips
        self.screen = screen
        self.inserted = inserted
    }
}
