import Testing
import KiokuJobs

/// The counting rules of docs/jobs.md, one case each: what a quote is built on.
@Suite struct WordCountTests {
    @Test(arguments: [
        ("Prime Minister Abe met President Putin.", 6),
        ("don't stop", 2),  // an apostrophe between letters joins
        ("Ростов-на-Дону", 1),  // so does a hyphen
        ("3.5 million, 1,000 people", 4),  // and a period or comma between digits
        ("Hello — world !", 2),  // punctuation is not a word
        ("«Новая эра» в отношениях", 4),
        ("end. Next", 2),
        ("-5 and well-", 3),
        ("", 0),
        ("  \t ", 0),
    ] as [(String, Int)])
    func wordsInSpaceSeparatedLanguages(text: String, words: Int) {
        #expect(WordCount(text).words == words, "\(text)")
    }

    @Test func japaneseCountsEveryKanjiAndKanaAsOneAndLatinRunsAsOne() {
        let count = WordCount("安倍首相はプーチン大統領とG7で会談した。")
        // 安倍首相は (5) プーチン (4: ー belongs to the word) 大統領と (4) G7 (1) で会談した (5); 。 is punctuation.
        #expect(count.words == 19)
        #expect(count.characters == 21)  // every character but white space, punctuation included
        #expect(WordCount("東京・大阪").words == 4)  // ・ is punctuation
    }

    @Test func charactersLeaveOutOnlyWhiteSpace() {
        #expect(WordCount("Abe met Putin.").characters == 12)
        #expect(WordCount("Абэ\u{3000}и Путин").characters == 9)
    }
}
