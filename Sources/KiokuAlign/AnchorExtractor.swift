import KiokuTerms
import KiokuText

/// Finds the anchors of sentences in one language of an alignment (see ``AnchorKind``).
final class AnchorExtractor {
    let language: LanguageTag
    private let otherLanguage: LanguageTag
    private let vocabulary: AnchorVocabulary
    private let kinds: Set<AnchorKind>
    private let finder: TermFinder?
    private let conceptsWithOtherTerm: Set<String>
    private let latinMode: LatinMode
    private let lexicon: AlignmentLexicon?
    private let lexicalItems: LexicalItems

    /// How Latin words count: kept inside a non-Latin text they are strong anchors; in a Latin
    /// text they only answer the other side's (an English word is not missed when absent).
    enum LatinMode { case foreign, answering, none }

    init(language: LanguageTag, otherLanguage: LanguageTag, vocabulary: AnchorVocabulary, kinds: Set<AnchorKind>,
         glossary: Glossary?, lexicon: AlignmentLexicon?) {
        self.lexicon = kinds.contains(.lexicon) ? lexicon : nil
        self.lexicalItems = LexicalItems(language: language)
        self.language = language
        self.otherLanguage = otherLanguage
        self.vocabulary = vocabulary
        self.kinds = kinds
        if let glossary, kinds.contains(.glossaryName), !glossary.concepts.isEmpty {
            finder = TermFinder(glossary: glossary, language: language)
            conceptsWithOtherTerm = Set(glossary.concepts.filter { !$0.approvedTerms(in: otherLanguage).isEmpty }.map(\.id))
        } else {
            finder = nil
            conceptsWithOtherTerm = []
        }
        switch (Self.writesInLatin(language), Self.writesInLatin(otherLanguage)) {
        case (false, _): latinMode = .foreign
        case (true, false): latinMode = .answering
        case (true, true): latinMode = .none
        }
    }

    /// Languages whose own words are Latin-script (so Latin words in them are not kept foreign words).
    static func writesInLatin(_ language: LanguageTag) -> Bool {
        !["ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "mn", "ja", "zh", "ko", "el", "ar", "he", "fa", "th", "hi"].contains(language.language)
    }

    func anchors(of text: String) -> [Anchor] {
        var anchors: [Anchor] = []
        let scalars = Array(text.unicodeScalars)
        func add(_ key: String, _ kind: AnchorKind, expects: Bool = true) {
            guard kinds.contains(kind) else { return }
            anchors.append(Anchor(key: vocabulary.id(key), kind: kind, expectsPartner: expects))
        }
        for number in NumberReader(language: language).numbers(in: scalars) {
            add("n:" + number.key, number.isSmall ? .smallNumber : .number)
        }
        var firstWord = true
        for word in Self.words(in: scalars) {
            defer { firstWord = false }
            if NumberReader.mayNameMonth(word), let month = NumberReader.month(word, language: language) { add("n:\(month)", .smallNumber) }
            let isLatin = word.unicodeScalars.allSatisfy { $0.isASCII || $0.properties.numericType != nil }
            if isLatin, word.unicodeScalars.count >= 2 {
                let key = "w:" + word.lowercased()
                switch latinMode {
                case .foreign: add(key, .latinWord)
                case .answering: if kinds.contains(.latinWord), let id = vocabulary.existingID(key) { anchors.append(Anchor(key: id, kind: .latinWord, expectsPartner: false)) }
                case .none: break
                }
            }
            if !firstWord, word.unicodeScalars.first!.properties.isUppercase, let key = Transliteration.nameKey(word) {
                add("t:" + key, .transliteratedName, expects: false)
            }
        }
        for word in Transliteration.katakanaWords(in: scalars) {
            if let key = Transliteration.nameKey(word) { add("t:" + key, .transliteratedName, expects: false) }
        }
        if let lexicon {
            for entry in lexicon.entryIndices(of: lexicalItems.items(in: text), language: language) { add("x:\(entry)", .lexicon, expects: false) }
        }
        if let finder {
            for occurrence in finder.occurrences(in: text) + finder.derivedMatches(in: text) {
                add("c:" + occurrence.conceptID, .glossaryName, expects: conceptsWithOtherTerm.contains(occurrence.conceptID))
            }
        }
        if scalars.contains(where: { $0 == "?" || $0 == "？" }) { add("p:?", .punctuation) }
        if scalars.contains(where: { $0 == "!" || $0 == "！" }) { add("p:!", .punctuation) }
        // Quotation marks, opening and closing apart: a sentence cut inside a quotation has one without the other.
        let straight = scalars.filter { $0 == "\"" }.count
        if scalars.contains(where: { "“«„「『".unicodeScalars.contains($0) }) || straight >= 2 || straight == 1 && scalars.first == "\"" { add("q:open", .quote) }
        if scalars.contains(where: { "”»」』".unicodeScalars.contains($0) }) || straight >= 2 || straight == 1 && scalars.first != "\"" { add("q:close", .quote) }
        return Self.deduplicatedGlossary(anchors).sorted { $0.key < $1.key }
    }

    /// One anchor per glossary concept per sentence (the finder may see a name twice: as a
    /// word and as a derived adjective).
    private static func deduplicatedGlossary(_ anchors: [Anchor]) -> [Anchor] {
        var seen = Set<Int32>()
        return anchors.filter { $0.kind != .glossaryName || seen.insert($0.key).inserted }
    }

    /// Letter runs (with inner hyphens, apostrophes and digits: COVID-19, O'Brien).
    static func words(in scalars: [Unicode.Scalar]) -> [Substring] {
        var words: [Substring] = []
        var current = String.UnicodeScalarView()
        func flush() {
            while let last = current.last, last == "-" || last == "'" || last == "’" { current.removeLast() }
            if current.contains(where: { $0.properties.isAlphabetic }) { words.append(Substring(String(current))) }
            current = String.UnicodeScalarView()
        }
        for scalar in scalars {
            let isWordScalar = scalar.properties.isAlphabetic && !AnchorExtractor.isWideScript(scalar)
                || scalar.properties.numericType == .decimal && !current.isEmpty
                || (scalar == "-" || scalar == "'" || scalar == "’") && !current.isEmpty
            if isWordScalar { current.append(scalar) } else { flush() }
        }
        flush()
        return words
    }

    /// Han and kana: Japanese words are not space-delimited, so they are not words here.
    static func isWideScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9F: return true
        default: return false
        }
    }
}
