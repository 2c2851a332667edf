import Foundation
import KiokuConcurrency
import KiokuFormats
import KiokuMatch
import KiokuMemory
import KiokuTerms
import KiokuText
import Mustache

/// The web page `kioku serve` shows at `/`, for the people who curate a TM: search (fuzzy
/// matches with the word diff, or concordance with the phrase marked), filtered by language
/// pair and origin; a page per unit with its variants, metadata and history, editable once the
/// user has entered the write token (the page's script sends the edits to the JSON API); a
/// glossary check of a pasted sentence pair; the TM's statistics with a chart.
///
/// Pages are rendered here, on the server, from Mustache templates: plain HTML that works
/// without the script for everything but writes, with one stylesheet and one small script
/// served by the same server (``WebAssets``), so a strict Content-Security-Policy holds. This
/// type knows nothing of HTTP: the server maps requests to these calls.
public final class WebSite: Sendable {
    public let memory: any MemoryStore
    let matcher: Matcher
    let concordance: Concordance
    let glossary: Glossary
    private let library: MustacheLibrary
    private let cachedStatistics = Locked<(at: Date, statistics: MemoryStatistics)?>(nil)

    /// A rendered page and the HTTP status it goes with.
    public struct Page: Sendable {
        public var status: Int
        public var html: String
    }

    /// Matches shown per search; concordance hits shown per search.
    static let matchesShown = 10, hitsShown = 50
    /// With an origin filter, the best this many matches (or hits) are searched for ones from that file.
    static let filteredPool = 500

    public init(matcher: Matcher, concordance: Concordance, glossary: Glossary) {
        self.memory = matcher.index.memory
        self.matcher = matcher
        self.concordance = concordance
        self.glossary = glossary
        var library = MustacheLibrary()
        let templates = [("layout", WebTemplates.layout), ("search", WebTemplates.search), ("unit", WebTemplates.unit),
                         ("check", WebTemplates.check), ("stats", WebTemplates.stats), ("notFound", WebTemplates.notFound)]
        for (name, template) in templates {
            do { try library.register(template, named: name) } catch { preconditionFailure("the \(name) template does not parse: \(error)") }
        }
        self.library = library
    }

    // MARK: Pages

    /// The search page; with `q`, its results. Fields: `q`, `mode` (`lookup` or `concordance`),
    /// `src`, `tgt`, `min` (1–100), `origin`; `deleted` (a unit the page's script just deleted).
    public func search(_ query: WebQuery) throws(MemoryError) -> Page {
        let statistics = try recentStatistics()
        var view = SearchView()
        let (source, target) = pair(query, statistics)
        view.sourceCode = source.identifier
        view.sources = options(statistics, selected: source)
        view.targets = options(statistics, selected: target)
        view.isConcordance = query["mode"] == "concordance"
        view.isLookup = !view.isConcordance
        let origin = query.text("origin")
        view.origins = statistics.origins.map { WebOption(value: $0.path, label: $0.path, selected: $0.path == origin) }
        if let deleted = query.text("deleted").flatMap(Int64.init) {
            view.notice = "Unit \(deleted) was deleted."
        }
        if let minimum = query.text("min") {
            if let value = Int(minimum), (1...100).contains(value) { view.minimum = value } else { view.fail("The minimum score is a whole number from 1 to 100.") }
        }
        guard let text = query.text("q") else { return render(view, "search", title: "Search", layout: { $0.searchActive = true }) }
        view.query = text
        if view.isLookup, source.language == target.language { view.fail("Choose two different languages to look up a translation.") }
        if view.error == nil {
            if view.isLookup { try lookUp(text, source, target, origin, into: &view) } else { try findPhrase(text, source, target, origin, into: &view) }
        }
        return render(view, "search", title: "Search: \(text.prefix(40))", layout: { $0.searchActive = true })
    }

    private func lookUp(_ text: String, _ source: LanguageTag, _ target: LanguageTag, _ origin: String?, into view: inout SearchView) throws(MemoryError) {
        let options = LookupOptions(minimumScore: view.minimum, maximumResults: origin == nil ? Self.matchesShown : Self.filteredPool, parallel: false)
        var matches = try matcher.lookup(String(text.prefix(2000)), from: source, to: target, options: options)
        if let origin { matches = Array(matches.filter { $0.origin == origin }.prefix(Self.matchesShown)) }
        view.matches = matches.map(MatchView.init)
        view.hasMatches = !matches.isEmpty
        view.nothingFound = matches.isEmpty
        let from = origin.map { " from \($0)" } ?? ""
        view.summary = matches.isEmpty ? "No \(source.identifier)→\(target.identifier) match at or above \(view.minimum)%\(from)."
                                       : "\(matches.count) match\(matches.count == 1 ? "" : "es") at or above \(view.minimum)%\(from), best first"
    }

    private func findPhrase(_ text: String, _ source: LanguageTag, _ target: LanguageTag, _ origin: String?, into view: inout SearchView) throws(MemoryError) {
        let hits = try concordance.search(String(text.prefix(500)), language: source, limit: origin == nil ? Self.hitsShown : Self.filteredPool)
        var shown: [HitView] = []
        for hit in hits where shown.count < Self.hitsShown {
            let unitOrigin = try memory.unit(hit.unitID)?.origin
            if let origin, unitOrigin != origin { continue }
            shown.append(HitView(hit, origin: unitOrigin, targetFirst: target.language))
        }
        view.hits = shown
        view.hasHits = !shown.isEmpty
        view.nothingFound = shown.isEmpty
        let from = origin.map { " from \($0)" } ?? ""
        view.summary = shown.isEmpty ? "No \(source.identifier) segment\(from) contains «\(text)»."
                                     : "\(shown.count) \(source.identifier) segment\(shown.count == 1 ? "" : "s")\(from) containing «\(text)», newest first"
    }

    /// A unit's page, or a 404 page when there is no such unit.
    public func unit(_ id: UnitID) throws(MemoryError) -> Page {
        guard let stored = try memory.unit(id) else {
            return notFound("There is no unit \(id): it was never added, or it was deleted.")
        }
        return render(UnitView(stored, history: try memory.history(of: id)), "unit", title: "Unit \(id)", layout: { _ in })
    }

    /// The glossary check; with `source` and `target`, its findings. Fields: `source`, `target`, `src`, `tgt`.
    public func check(_ query: WebQuery) throws(MemoryError) -> Page {
        let statistics = try recentStatistics()
        var view = CheckView()
        let (source, target) = pair(query, statistics)
        view.sources = options(statistics, selected: source)
        view.targets = options(statistics, selected: target)
        view.sourceCode = source.identifier
        view.targetCode = target.identifier
        view.noGlossary = glossary.concepts.isEmpty
        view.source = query["source"] ?? ""
        view.target = query["target"] ?? ""
        if let sentence = query.text("source"), let translation = query.text("target"), !view.noGlossary {
            if source.language == target.language {
                view.error = "Choose two different languages."
            } else {
                let checker = UnitChecker(glossary: glossary, source: source, target: target, consistency: false)
                checker.add(TranslationUnit(variants: [Variant(language: source, text: sentence), Variant(language: target, text: translation)],
                                            sourceLanguage: source), location: "pair")
                view.show(checker.finish())
            }
        }
        return render(view, "check", title: "Glossary check", layout: { $0.checkActive = true })
    }

    /// What the TM holds, counted now.
    public func stats() throws(MemoryError) -> Page {
        let statistics = try memory.statistics()
        cachedStatistics.withLock { $0 = (Date(), statistics) }
        return render(StatsView(statistics), "stats", title: "Stats", layout: { $0.statsActive = true })
    }

    /// A page saying what is not here (status 404).
    public func notFound(_ message: String) -> Page {
        var page = error(message)
        page.status = 404
        return page
    }

    /// A page saying what went wrong (the message must not name files: it is for anyone who can reach the server).
    public func error(_ message: String, status: Int = 500) -> Page {
        var page = render(["message": message], "notFound", title: "Not here", layout: { _ in })
        page.status = status
        return page
    }

    // MARK: Helpers

    private func render(_ view: Any, _ template: String, title: String, layout: (inout PageLayout) -> Void) -> Page {
        let body = library.render(view, withTemplate: template) ?? ""
        var frame = PageLayout(title: title, body: body)
        layout(&frame)
        return Page(status: 200, html: library.render(frame, withTemplate: "layout") ?? body)
    }

    /// Statistics at most half a minute old: the search form's languages and origins, without
    /// counting a large TM on every search.
    private func recentStatistics() throws(MemoryError) -> MemoryStatistics {
        if let cached = cachedStatistics.withLock({ $0 }), Date().timeIntervalSince(cached.at) < 30 { return cached.statistics }
        let statistics = try memory.statistics()
        cachedStatistics.withLock { $0 = (Date(), statistics) }
        return statistics
    }

    /// The languages asked for, else English to the TM's other most common language.
    private func pair(_ query: WebQuery, _ statistics: MemoryStatistics) -> (LanguageTag, LanguageTag) {
        let held = primaryLanguages(statistics)
        let source = query.text("src").flatMap(LanguageTag.init) ?? LanguageTag(held.contains("en") ? "en" : held.first ?? "en")!
        let target = query.text("tgt").flatMap(LanguageTag.init)
            ?? LanguageTag(held.first { $0 != source.language } ?? (source.language == "ru" ? "en" : "ru"))!
        return (source, target)
    }

    private func primaryLanguages(_ statistics: MemoryStatistics) -> [String] {
        var seen: [String] = []
        for count in statistics.languages {
            if let language = LanguageTag(count.language)?.language, !seen.contains(language) { seen.append(language) }
        }
        return seen
    }

    private func options(_ statistics: MemoryStatistics, selected: LanguageTag) -> [WebOption] {
        var languages = primaryLanguages(statistics)
        if !languages.contains(selected.language) { languages.append(selected.language) }
        return languages.map { WebOption(value: $0, label: Self.name(of: $0), selected: $0 == selected.language) }
    }

    static func name(of language: String) -> String {
        let names = ["en": "English", "ru": "Russian", "ja": "Japanese", "de": "German", "fr": "French", "zh": "Chinese", "ko": "Korean",
                     "es": "Spanish", "it": "Italian", "pt": "Portuguese", "uk": "Ukrainian"]
        return names[language].map { "\($0) (\(language))" } ?? language
    }
}

extension SearchView {
    mutating func fail(_ message: String) { error = message }
}
