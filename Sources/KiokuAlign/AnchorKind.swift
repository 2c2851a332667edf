/// The kinds of evidence, besides length, that a sentence and its translation share.
public enum AnchorKind: String, Sendable, CaseIterable, Codable {
    /// Numbers of 10 and more, decimals, and amounts with their scale folded in
    /// (5 million = 5 млн = 500万 = 5000000); thousands and decimal separators per language.
    case number
    /// Numbers under 10 and months (September = сентября = 9月): common, so weaker.
    case smallNumber
    /// A glossary concept found by KiokuTerms' inflection-aware finder (Путина = Putin = プーチン).
    case glossaryName
    /// A capitalized word's transliteration key (Vladivostok = Владивостоке).
    case transliteratedName
    /// A Latin-script word kept inside Russian or Japanese text (NATO, iPhone, COVID-19).
    case latinWord
    /// Question and exclamation marks.
    case punctuation
    /// Quotation marks (“ ” « » 「 」 …).
    case quote
    /// A word pair from the lexicon learned from a TM's own units (see ``AlignmentLexicon``).
    case lexicon

    /// Cost (in nats) taken off a bead for each anchor both sides share.
    var matchBonus: Double {
        switch self {
        case .number: 2.5
        case .smallNumber: 0.8
        case .glossaryName: 2.0
        case .transliteratedName: 1.5
        case .latinWord: 1.5
        case .punctuation: 0.8
        case .quote: 0.4
        case .lexicon: 0.5
        }
    }

    /// Cost added to a pairing for each anchor on one side that the other side lacks,
    /// when the anchor would normally be carried into a translation.
    var missPenalty: Double {
        switch self {
        case .number: 1.5
        case .smallNumber: 0.3
        case .glossaryName: 1.0
        case .transliteratedName: 0
        case .latinWord: 0.8
        case .punctuation: 0.6
        case .quote: 0.6
        case .lexicon: 0
        }
    }
}
