import Testing
import KiokuTestSupport
import KiokuFormats
import KiokuMemory
import KiokuText
@testable import KiokuMatch

@Suite struct ScoringTests {
    let tm: TranslationMemory
    let matcher: Matcher

    init() throws {
        tm = try TranslationMemory.seed()
        matcher = try Matcher(memory: tm)
    }

    static let meeting = "During the gathering in Vladivostok, President Putin and PM Abe agreed to once again meet on December 15 in Japan."

    @Test func identicalTextScores100() throws {
        let matches = try matcher.lookup(Self.meeting, from: .english, to: .russian)
        #expect(matches.first?.score == 100)
        #expect(matches.first?.target == "Во время встречи во Владивостоке президент Путин и премьер Абэ договорились вновь встретиться 15 декабря в Японии.")
        #expect(matches.first?.diff.allSatisfy { $0.kind == .equal } == true)
    }

    @Test func caseSpacingAndPunctuationScoreJustBelow100() throws {
        #expect(try matcher.scores(Self.meeting.uppercased()).first == 99)
        #expect(try matcher.scores(Self.meeting.replacingOccurrences(of: " in Japan", with: "  in  Japan")).first == 99)
        #expect(try matcher.scores(Self.meeting.replacingOccurrences(of: "Vladivostok,", with: "Vladivostok")).first == 99)
    }

    @Test func numbersOnlyScoreBelow100AndAreCarriedIntoTheTarget() throws {
        let query = Self.meeting.replacingOccurrences(of: "15", with: "20")
        let ru = try #require(try matcher.lookup(query, from: .english, to: .russian).first)
        #expect(ru.score == 99)
        #expect(ru.adaptedTarget == "Во время встречи во Владивостоке президент Путин и премьер Абэ договорились вновь встретиться 20 декабря в Японии.")
        #expect(ru.diff.contains(DiffPiece(kind: .removed, text: "15 ")))
        #expect(ru.diff.contains(DiffPiece(kind: .added, text: "20 ")))
        let ja = try #require(try matcher.lookup(query, from: .english, to: .japanese).first)
        #expect(ja.adaptedTarget == "ウラジオストクでの会合で、プーチン大統領と安倍首相は12月20日に日本で再び会談することで合意した。")
    }

    /// Weblate replaces a string's placeholders with its own (`[X10X]`) before asking; they are
    /// placeables, so the unit with the real `%s` is still found, and the target is adapted.
    @Test func placeholdersArePlaceablesSoWeblatesStandInsFindTheUnit() throws {
        try tm.add([unit((.english, "Putin met %s in %(city)s on Monday."), (.russian, "Путин встретился с %s в %(city)s в понедельник."))])
        let weblate = try #require(try matcher.lookup("Putin met [X10X] in [X16X] on Monday.", from: .english, to: .russian).first)
        #expect(weblate.score == 98)  // 100, one point off for each placeable that differs
        #expect(weblate.target == "Путин встретился с %s в %(city)s в понедельник.")
        #expect(weblate.adaptedTarget == "Путин встретился с [X10X] в [X16X] в понедельник.")
        let other = try #require(try matcher.lookup("Putin met %d in %(city)s on Monday.", from: .english, to: .russian).first)
        #expect(other.score == 99)
        #expect(other.adaptedTarget == "Путин встретился с %d в %(city)s в понедельник.")
        #expect(try matcher.lookup("Putin met %s in %(city)s on Monday.", from: .english, to: .russian).first?.score == 100)
    }

    @Test func aWordDifferenceFollowsTheFormula() throws {
        // 20 words, one substituted: 100 × (1 − 1/20) = 95
        let query = Self.meeting.replacingOccurrences(of: "gathering", with: "meeting")
        let match = try #require(try matcher.lookup(query, from: .english, to: .russian).first)
        #expect(match.score == 95)
        #expect(match.adaptedTarget == nil)
        #expect(match.diff.contains(DiffPiece(kind: .removed, text: "gathering ")))
    }

    @Test func contextMatchScores101() throws {
        let previous = "Russian-Japanese relations now have the opportunity to develop"
        let context = "“Russian-Japanese relations now have the opportunity to develop,” the PM said, adding that he wants Japan to further facilitate this process."
        let withContext = try matcher.lookup(Self.meeting, from: .english, to: .russian, options: LookupOptions(context: context))
        #expect(withContext.first?.score == 101)
        #expect(withContext.first?.contextMatches == true)
        let otherContext = try matcher.lookup(Self.meeting, from: .english, to: .russian, options: LookupOptions(context: previous))
        #expect(otherContext.first?.score == 100)
    }

    @Test func japaneseIsScoredByCharacter() throws {
        // 41 characters (numbers count as one each), one replaced: ⌊100 × 40/41⌋ = 97
        let query = "ウラジオストクでの会合で、プーチン大統領と安倍首相は12月15日に日本で再び会議することで合意した。"
        let match = try #require(try matcher.lookup(query, from: .japanese, to: .english).first)
        #expect(match.score == 97)
        #expect(match.target == Self.meeting)
        #expect(match.diff.contains(DiffPiece(kind: .removed, text: "談")))
        #expect(match.diff.contains(DiffPiece(kind: .added, text: "議")))
    }

    @Test func everyDirectionTheTMHolds() throws {
        let ru = "Москва и Токио до сих пор не подписали мирный договор после окончания Второй мировой войны."
        #expect(try matcher.lookup(ru, from: .russian, to: .english).first?.target == "Moscow and Tokyo have still not signed a peace treaty following the end of World War II.")
        #expect(try matcher.lookup(ru, from: .russian, to: .japanese).first?.target == "モスクワと東京は、第二次世界大戦の終結後、いまだに平和条約を締結していない。")
        #expect(try matcher.lookup("モスクワと東京は、第二次世界大戦の終結後、いまだに平和条約を締結していない。", from: .japanese, to: .russian).first?.target == ru)
    }

    @Test func minimumAndMaximumAreHonoured() throws {
        let query = "Putin and Abe agreed to meet in Japan."
        let loose = try matcher.lookup(query, from: .english, to: .russian, options: LookupOptions(minimumScore: 10, maximumResults: 3))
        #expect(loose.count == 3)
        #expect(loose.map(\.score) == loose.map(\.score).sorted(by: >))
        let strict = try matcher.lookup(query, from: .english, to: .russian, options: LookupOptions(minimumScore: 90))
        #expect(strict.isEmpty)
    }

    @Test func tiesGoToTheNewerUnit() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        try tm.add([
            unit((.english, "The forum opened."), (.russian, "Форум открылся."), changed: "20160901T000000Z"),
            unit((.english, "The forum opened."), (.russian, "Форум начал работу."), changed: "20170101T000000Z"),
            unit((.english, "The forum opened."), (.russian, "Форум стартовал."), changed: "20150101T000000Z"),
        ])
        let matches = try Matcher(memory: tm).lookup("The forum opened.", from: .english, to: .russian)
        #expect(matches.map(\.target) == ["Форум начал работу.", "Форум открылся.", "Форум стартовал."])
        // without dates, the unit imported last is the newer
        let plain = try TranslationMemory(path: Scratch.tmPath())
        try plain.add([unit((.english, "Sochi"), (.russian, "Сочи-1"))])
        try plain.add([unit((.english, "Sochi"), (.russian, "Сочи-2"))])
        #expect(try Matcher(memory: plain).lookup("Sochi", from: .english, to: .russian).map(\.target) == ["Сочи-2", "Сочи-1"])
    }

    @Test func theNewestOfManyTiesWinsEvenWhenOnlyOneIsAsked() throws {
        // The newest date sits on the first unit, which the search reaches last; ranking must still
        // read past the ties it already holds to find it, and a matching context still beats all.
        let tm = try TranslationMemory(path: Scratch.tmPath())
        var units = [unit((.english, "The summit ended."), (.russian, "Саммит завершился (новейший)."), changed: "20240101T000000Z")]
        for year in 2001...2012 {
            units.append(unit((.english, "The summit ended."), (.russian, "Саммит завершился (\(year))."), changed: "\(year)0101T000000Z"))
        }
        units.append(unit((.english, "The summit ended."), (.russian, "Саммит завершился (контекст)."), changed: "19990101T000000Z",
                          context: "The forum opened."))
        for unit in units { try tm.add([unit]) }
        let matcher = try Matcher(memory: tm)
        for maximum in [1, 2] {
            let matches = try matcher.lookup("The summit ended.", from: .english, to: .russian, options: LookupOptions(maximumResults: maximum))
            #expect(matches.first?.target == "Саммит завершился (новейший).", "max \(maximum)")
        }
        let withContext = try matcher.lookup("The summit ended.", from: .english, to: .russian,
                                             options: LookupOptions(maximumResults: 1, context: "The forum opened."))
        #expect(withContext.map(\.target) == ["Саммит завершился (контекст)."])
        #expect(withContext.first?.score == 101)
    }

    @Test func inlineCodesAreNotWords() throws {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        var tagged = unit((.english, "The Far East forum ended."), (.russian, "Дальневосточный форум завершился."))
        tagged.variants[0].segment.markup = #"The <bpt i="1">&lt;b&gt;</bpt>Far East<ept i="1">&lt;/b&gt;</ept> forum ended."#
        try tm.add([tagged])
        #expect(try Matcher(memory: tm).scores("The Far East forum ended.") == [100])
    }

    @Test func aQueryWithoutWordsMatchesNothing() throws {
        #expect(try matcher.lookup("…", from: .english, to: .russian).isEmpty)
        #expect(try matcher.lookup("", from: .english, to: .russian).isEmpty)
    }
}
