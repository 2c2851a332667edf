/// What a QA sweep looks for in a TM, one kind of problem each.
public enum QAKind: String, Sendable, Codable, CaseIterable, Comparable {
    /// A variant with no text, or only white space.
    case empty
    /// The target is the source, letter for letter: left untranslated.
    case identical
    /// The numbers of source and target differ (compared by value: 1,5 = 1.5, 12 000 = 12,000).
    case numbers
    /// The inline codes (tags, placeholders) of source and target differ.
    case codes
    /// The target's length is far outside what the language pair's other units have.
    case length
    /// The same source has different targets in the same language.
    case conflict
    /// A Russian or Japanese target written in Latin letters only.
    case script
    /// A glossary error: a concept's approved term missing from the target, or a forbidden one used.
    case glossary

    public static func < (a: QAKind, b: QAKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
