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

    public init(languages: [LanguageTag]? = nil, maximumListedSkips: Int = 50,
                screen: ((TranslationUnit, SourceLocation) -> Screening)? = nil) {
        self.languages = languages
        self.maximumListedSkips = maximumListedSkips
        self.screen = screen
    }
}
