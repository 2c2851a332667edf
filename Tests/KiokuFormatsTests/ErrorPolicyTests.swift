import Testing
import KiokuText
@testable import KiokuFormats

/// Readers are used by `import`, `check` and the server alike: what they report states the
/// fact, and leaves the advice (an option to pass, "import it again") to the program.
@Suite struct ErrorPolicyTests {
    static let at = SourceLocation(file: "job.tmx", line: 7)

    static let errors: [FormatError] = [
        .unreadable(file: "a.tmx", reason: "No such file or directory"), .unwritable(file: "b.tmx", reason: "Read-only file system"),
        .unknownFormat(file: "c.doc", known: UnitFormat.knownEndings), .malformedXML(at, "a bare \"&\""),
        .badEncoding(at, "the text is not valid UTF-8"), .invalidStructure(at, "not a TMX file"), .invalidTable(at, "the file is empty"),
        .unknownLanguages(file: "d.tsv", .columns), .unknownLanguages(file: "corpus.x", .source), .unpairedFile(file: "corpus.en"),
    ]

    static let skips: [SkipReason] = [
        .tooFewLanguages(1), .emptySegments, .unbalancedCodes(["1"]), .variantWithoutLanguage, .invalidLanguageTag("x_1"),
        .variantWithoutSegment, .unexpectedElement("foo"), .notTranslated, .doNotTranslate, .fileHeader, .emptySource, .unknownSourceLanguage,
        .unknownTargetLanguage, .wrongColumnCount(found: 3, expected: 2, tabSeparated: true), .emptySide,
        .outsideLanguages([.english, .russian]), .screened("forbidden Moscow"),
    ]

    @Test func messagesStateFactsAndNameNoOption() {
        let notices: [ReaderNotice] = [.assumedSourceLanguage(file: "a.tmx", language: .english, givenByCaller: false),
                                       .ignoredSourceLanguage(file: "a.tmx", value: "??")]
        for text in Self.errors.map(\.description) + Self.skips.map(\.description) + notices.map(\.description) {
            #expect(!text.contains("--"), "\(text)")
            #expect(!text.contains("import it again") && !text.contains("nothing was imported"), "\(text)")
        }
    }

    @Test func errorsAtALineSayWhere() {
        let files = ["a.tmx", "b.tmx", "c.doc", "job.tmx:7", "d.tsv", "corpus.x", "corpus.en"]
        for error in Self.errors {
            #expect(files.contains { error.description.hasPrefix($0 + ":") }, "\(error)")
            if let location = error.location { #expect(error.description.hasPrefix("\(location):")) }
        }
        #expect(Self.errors.compactMap(\.location).count == 4)
        #expect(Set(Self.skips.map(\.kind)).count == Self.skips.count)
    }
}
