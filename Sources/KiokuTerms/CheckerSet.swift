import KiokuFormats
import KiokuText

/// Glossary checkers by language pair, made on first use; each keeps stem caches, so a set
/// belongs to one thread at a time.
struct CheckerSet {
    let glossary: Glossary
    private var checkers: [LanguagePair: GlossaryChecker] = [:]

    init(glossary: Glossary) {
        self.glossary = glossary
    }

    /// The findings of a unit's (source, target) variant pairs.
    mutating func findings(_ pairs: [(Variant, Variant)], location: String) -> [Finding] {
        var found: [Finding] = []
        for (sourceVariant, targetVariant) in pairs {
            let pair = LanguagePair(sourceVariant.language, targetVariant.language)
            let checker = checkers[pair] ?? GlossaryChecker(glossary: glossary, source: pair.source, target: pair.target)
            checkers[pair] = checker
            found += checker.check(source: sourceVariant.segment.text, target: targetVariant.segment.text, location: location)
        }
        return found
    }
}
