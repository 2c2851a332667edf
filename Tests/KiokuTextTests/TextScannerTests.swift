import Testing
@testable import KiokuText

@Suite struct TextScannerTests {
    func pieces(_ text: String, _ unit: ScoringUnit = .word) -> [String] {
        let bytes = Array(text.utf8)
        return TextScanner.pieces(of: text, unit: unit).map { piece in
            let body = String(decoding: bytes[piece.bytes], as: UTF8.self)
            switch piece.kind {
            case .word: return body
            case .number: return "#" + body
            case .placeholder: return "<" + body + ">"
            case .character: return "[" + body + "]"
            case .punctuation: return "«" + body + "»"
            }
        }
    }

    @Test func wordsNumbersAndPunctuation() {
        #expect(pieces("Japan’s PM met Putin on Dec. 15, 2016.") == ["Japan’s", "PM", "met", "Putin", "on", "Dec", "«.»", "#15", "«,»", "#2016", "«.»"])
        #expect(pieces("U.S. growth: 3.5% of 10,000") == ["U.S", "«.»", "growth", "«:»", "#3.5", "«%»", "of", "#10,000"])
    }

    @Test func numbersAreSplitFromLettersSoTheyStayPlaceables() {
        // ICU keeps these together; Kioku splits them on purpose (a number is a placeable).
        #expect(pieces("at 8pm on the 16th, MI5") == ["at", "#8", "pm", "on", "the", "#16", "th", "«,»", "MI", "#5"])
    }

    @Test func everyApostropheFormJoinsAWordAsItsMatchingFormDoes() {
        for apostrophe in ["'", "’", "‘", "＇", "`"] {
            #expect(pieces("Japan\(apostrophe)s") == ["Japan\(apostrophe)s"], "\(apostrophe)")
        }
        #expect(pieces("'quoted'") == ["«'»", "quoted", "«'»"])
    }

    @Test func charactersForJapaneseAndForIdeographsAnywhere() {
        #expect(pieces("プーチン大統領は12月に", .character) == ["[プ]", "[ー]", "[チ]", "[ン]", "[大]", "[統]", "[領]", "[は]", "#12", "[月]", "[に]"])
        #expect(pieces("NHK報道", .character) == ["[N]", "[H]", "[K]", "[報]", "[道]"])
        #expect(pieces("NHK報道") == ["NHK", "[報]", "[道]"])
        #expect(pieces("ウラジーミル・プーチン", .character).contains("«・»"))
    }

    @Test func placeholdersOfSoftwareStringsArePlaceablesLikeNumbers() {
        #expect(pieces("Putin met %s in %(city)s on %1$s.") == ["Putin", "met", "<%s>", "in", "<%(city)s>", "on", "<%1$s>", "«.»"])
        #expect(pieces("%d of %5.2f, %-10s, %lld, %@, Qt %1 and %2") == ["<%d>", "of", "<%5.2f>", "«,»", "<%-10s>", "«,»", "<%lld>", "«,»", "<%@>", "«,»", "Qt", "<%1>", "and", "<%2>"])
        #expect(pieces("{0} met {name} at {time:%H:%M} {}") == ["<{0}>", "met", "<{name}>", "at", "<{time:%H:%M}>", "<{}>"])
        #expect(pieces("Putin met [X10X] in [x16x].") == ["Putin", "met", "<[X10X]>", "in", "<[x16x]>", "«.»"])
        // not placeholders: a literal percent, a percent before a word or a space, prose in braces
        #expect(pieces("50% of 100%% {not a placeholder} %office [X]") == ["#50", "«%»", "of", "#100", "«%»", "«%»", "«{»", "not", "a", "placeholder",
                                                                             "«}»", "«%»", "office", "«[»", "X", "«]»"])
    }

    @Test func scalarOffsetsCountUnicodeScalars() {
        let pieces = TextScanner.pieces(of: "Абэ — 安倍", unit: .word)
        #expect(pieces.map(\.scalars) == [0..<3, 4..<5, 6..<7, 7..<8])
    }

    /// Display spans, match tokens and diff tokens come from one scanner, so they agree:
    /// the spans' keys are the match tokens (numbers without their `#`).
    @Test func displaySpansAgreeWithMatchTokens() {
        let texts = [
            "Japan’s PM Shinzo Abe met Putin on December 15, 2016, in Vladivostok.",
            "«Мы едины в одном — проблему нужно решить», — сказал Путин 7 сентября.",
            "ＮＨＫは１２月１５日、ウラジオストクで報じた。",
            "The U.S. and the E.U. agreed at 8pm; don't ‘quote’ me.",
            "Путин встретился с %s в %(city)s {day}.",
        ]
        for text in texts {
            for unit in [ScoringUnit.word, .character] {
                let spans = WordSpan.spans(in: text, unit: unit).map(\.key)
                // words and numbers agree; placeholders are placeables but never words
                let tokens = MatchForm(text, unit: unit).tokens.filter { !$0.hasPrefix("#%") && !$0.hasPrefix("#{") }
                    .map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
                #expect(spans == tokens, "\(text)")
            }
        }
    }
}
