import KiokuFormats
import KiokuMatch
import KiokuMemory

/// What the search page shows: the form as the user left it, and fuzzy matches or
/// concordance hits (rendered by ``WebTemplates/search``).
struct SearchView: Sendable {
    var query = ""
    var isLookup = true
    var isConcordance = false
    var sourceCode = "en"
    var sources: [WebOption] = []
    var targets: [WebOption] = []
    var minimum = 70
    var origins: [WebOption] = []
    var notice: String?
    var error: String?
    var summary = ""
    var hasMatches = false
    var matches: [MatchView] = []
    var hasHits = false
    var hits: [HitView] = []
    var nothingFound = false
}

/// A fuzzy match on the page: the TM's sentence with what differs from the query marked.
struct MatchView: Sendable {
    /// A run of the diff; exactly one flag is set.
    struct Piece: Sendable {
        var text: String
        var equal: Bool
        var removed: Bool
        var added: Bool
    }

    var unitID: Int64
    var score: Int
    var sourceLanguage: String
    var targetLanguage: String
    var diff: [Piece]
    var target: String
    var adapted: String?
    var origin: String?
    var change: String?

    init(_ match: FuzzyMatch) {
        unitID = match.unitID.rawValue
        score = match.score
        sourceLanguage = match.sourceLanguage.identifier
        targetLanguage = match.targetLanguage.identifier
        diff = match.diff.map { Piece(text: $0.text, equal: $0.kind == .equal, removed: $0.kind == .removed, added: $0.kind == .added) }
        target = match.target
        adapted = match.adaptedTarget
        origin = match.origin
        change = match.latestChange.map { change in WebDates.readable(change.date) + (change.user.map { " by \($0)" } ?? "") }
    }
}

/// A concordance hit on the page: the segment with the phrase marked, and the unit's other languages.
struct HitView: Sendable {
    struct Piece: Sendable {
        var text: String
        var marked: Bool
    }

    struct Translation: Sendable {
        var language: String
        var text: String
    }

    var unitID: Int64
    var language: String
    var pieces: [Piece]
    var translations: [Translation]
    var origin: String?

    init(_ hit: ConcordanceHit, origin: String?, targetFirst target: String) {
        unitID = hit.unitID.rawValue
        language = hit.language.identifier
        let characters = Array(hit.text)
        var pieces: [Piece] = []
        var position = 0
        for range in hit.highlights.sorted(by: { $0.start < $1.start }) where range.start >= position && range.start + range.length <= characters.count {
            if range.start > position { pieces.append(Piece(text: String(characters[position..<range.start]), marked: false)) }
            pieces.append(Piece(text: String(characters[range.start..<range.start + range.length]), marked: true))
            position = range.start + range.length
        }
        if position < characters.count { pieces.append(Piece(text: String(characters[position...]), marked: false)) }
        self.pieces = pieces
        translations = hit.translations.sorted { ($0.key.hasPrefix(target) ? 0 : 1, $0.key) < ($1.key.hasPrefix(target) ? 0 : 1, $1.key) }
            .map { Translation(language: $0.key, text: $0.value) }
        self.origin = origin
    }
}
