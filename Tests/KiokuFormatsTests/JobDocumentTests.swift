import Testing
@testable import KiokuFormats
import KiokuTestSupport
import KiokuText

/// Job files read for analysis and written back pre-translated: segments found in order with
/// their state and context, and a copy that differs from the original only where it was filled.
@Suite struct JobDocumentTests {
    static let xliff12 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- made by a CAT tool -->
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file original="a.docx" source-language="en-US" target-language="ru-RU" datatype="plaintext">
            <body>
              <trans-unit id="1">
                <source>First &amp; foremost.</source>
              </trans-unit>
              <trans-unit id="2">
                <source>Done <x id="1"/> already.</source>
                <target state="translated">Уже <x id="1"/> сделано.</target>
              </trans-unit>
              <trans-unit id="3">
                <source>Still new.</source>
                <target state="new">Still new.</target>
                <note>keep short</note>
              </trans-unit>
              <group translate="no">
                <trans-unit id="4"><source>Locked</source></trans-unit>
              </group>
              <trans-unit id="5" translate="no"><source>Also locked</source></trans-unit>
              <trans-unit id="6"><source>  </source></trans-unit>
            </body>
          </file>
        </xliff>

        """

    static let xliff20 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ja">
          <file id="f1">
            <unit id="u1">
              <notes>
                <note>headline</note>
              </notes>
              <segment>
                <source>One <pc id="1">bold</pc> word.</source>
              </segment>
              <segment id="b" state="final">
                <source>Two.</source>
                <target>二。</target>
              </segment>
            </unit>
            <unit id="u2" translate="no">
              <segment><source>Skip me.</source></segment>
            </unit>
          </file>
        </xliff>

        """

    @Test func readsXLIFF12SegmentsStatesAndContext() throws {
        let document = try JobDocument.read(path: Scratch.file("a.xlf", Self.xliff12))
        #expect(document.format == .xliff12)
        #expect(document.sourceLanguage?.identifier == "en-US" && document.targetLanguage?.identifier == "ru-RU")
        #expect(document.segments.map(\.id) == ["1", "2", "3"])
        #expect(document.segments.map(\.source.text) == ["First & foremost.", "Done  already.", "Still new."])
        #expect(document.segments.map(\.isTranslated) == [false, true, false])
        #expect(document.segments.map(\.context) == [nil, "First & foremost.", "Done  already."])
        #expect(document.segments.map(\.line) == [6, 9, 13])
        #expect(document.segments[1].source.codes.map(\.native) == [#"<x id="1"/>"#])
    }

    @Test func readsXLIFF20SegmentsOfEveryUnit() throws {
        let document = try JobDocument.read(path: Scratch.file("b.xlf", Self.xliff20))
        #expect(document.format == .xliff20)
        #expect(document.segments.map(\.id) == ["u1", "u1#b"])
        #expect(document.segments.map(\.isTranslated) == [false, true])
        #expect(document.segments[0].source.codes.map(\.native) == [#"<pc id="1">"#, "</pc>"])
    }

    @Test func withNoFillsTheCopyIsByteIdentical() throws {
        for text in [Self.xliff12, Self.xliff20, POReaderTests.catalog] {
            let name = text.hasPrefix("<") ? "same.xlf" : "same.po"
            let document = try JobDocument.read(path: Scratch.file(name, text), targetLanguage: LanguageTag("ru"))
            #expect(document.patched(fills: [:]) == text)
        }
    }

    func fill(_ text: String, _ quality: SegmentFill.Quality = .exactMatch, score: Int = 100, notes: [String] = []) -> SegmentFill {
        let candidate = FillCandidate(score: score, origin: "tm.tmx", source: Segment(text: "TM source"), placed: nil,
                                      storedTarget: Segment(text: text))
        return SegmentFill(target: [.text(text)], quality: quality, score: score, origin: "tm.tmx", candidates: [candidate], notes: notes)
    }

    @Test func xliff12FillsChangeOnlyTheirUnits() throws {
        let document = try JobDocument.read(path: Scratch.file("a.xlf", Self.xliff12))
        let out = document.patched(fills: [0: fill("Прежде всего & главное."), 2: fill("Всё ещё новое.", .fuzzyMatch, score: 87, notes: ["check the name"])])
        #expect(out.contains("""
                    <source>First &amp; foremost.</source>
                    <target state="needs-review-translation" state-qualifier="exact-match">Прежде всего &amp; главное.</target>
                    <alt-trans match-quality="100" origin="tm.tmx"><source>TM source</source><target>Прежде всего &amp; главное.</target></alt-trans>
                  </trans-unit>
            """))
        #expect(out.contains("""
                    <target state="needs-review-translation" state-qualifier="fuzzy-match">Всё ещё новое.</target>
                    <alt-trans match-quality="87" origin="tm.tmx"><source>TM source</source><target>Всё ещё новое.</target></alt-trans>
                    <note from="kioku" annotates="target">check the name</note>
                    <note>keep short</note>
            """))
        #expect(out.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- made by a CAT tool -->\n"))
        // Nothing else moved: removing what was added gives the original back.
        let without = out.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("alt-trans") && !$0.contains("from=\"kioku\"") && !$0.contains("state-qualifier") }
        let original = Self.xliff12.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("Still new.</target>") }
        #expect(without == original)
    }

    @Test func xliff20FillsSetStateAddMatchesAndNotes() throws {
        let document = try JobDocument.read(path: Scratch.file("b.xlf", Self.xliff20))
        let out = document.patched(fills: [0: fill("一つの太字。", .fuzzyMatch, score: 90, notes: ["glossary"])])
        #expect(out.contains("""
                <unit id="u1">
                  <mtc:matches xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0">
                    <mtc:match ref="#s1" similarity="90" origin="tm.tmx"><source>TM source</source><target>一つの太字。</target></mtc:match>
                  </mtc:matches>
                  <notes>
                    <note>headline</note>
                    <note category="kioku" appliesTo="target">glossary</note>
                  </notes>
                  <segment id="s1" state="initial">
                    <source>One <pc id="1">bold</pc> word.</source>
                    <target>一つの太字。</target>
                  </segment>
            """))
    }

    /// `</notes >` and `</notes` + a line break + `>` are well-formed end tags: a note is added
    /// before the tag, wherever its `>` is (the fuzzer found one added inside the tag).
    @Test func xliff20NotesEndingInAnEndTagWithWhiteSpaceTakeANewNote() throws {
        for endTag in ["</notes >", "</notes\n>"] {
            let document = try JobDocument.read(path: Scratch.file("w.xlf", Self.xliff20.replacingOccurrences(of: "</notes>", with: endTag)))
            let out = document.patched(fills: [0: fill("一つの太字。", notes: ["glossary"])])
            #expect(out.contains("<note category=\"kioku\" appliesTo=\"target\">glossary</note>\n      \(endTag)"), "\(out)")
            let again = try JobDocument.read(path: Scratch.file("w2.xlf", out))
            #expect(again.segments.count == document.segments.count)
        }
    }

    @Test func aFileInUTF16IsWrittenAsUTF8() throws {
        let text = Self.xliff12.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        let path = Scratch.file("wide.xlf", [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let document = try JobDocument.read(path: path)
        #expect(document.segments.count == 3)
        let out = document.patched(fills: [0: fill("Да.")])
        #expect(out.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        #expect(out.contains("state-qualifier=\"exact-match\">Да.</target>"))
    }

    @Test func badJobFilesNameTheirLine() {
        let unbalanced = Self.xliff12.replacingOccurrences(of: "<source>Still new.</source>", with: "<source>Still <g id=\"1\">new.</source>")
        let error = #expect(throws: FormatError.self) { _ = try JobDocument.read(path: Scratch.file("bad.xlf", unbalanced)) }
        #expect(error?.location?.line == 14, "\(String(describing: error))")
        let mixed = Self.xliff12.replacingOccurrences(of: "</file>", with: "</file><file original=\"b\" source-language=\"en\" target-language=\"ja\" datatype=\"plaintext\"><body/></file>")
        let pair = #expect(throws: FormatError.self) { _ = try JobDocument.read(path: Scratch.file("mixed.xlf", mixed)) }
        #expect(pair?.description.contains("one language pair") == true)
        #expect(throws: FormatError.self) { _ = try JobDocument.read(path: Scratch.file("tmx.xlf", "<tmx version=\"1.4\"/>")) }
    }

    /// A PO string may hold any control character as an escape (`\0`, `\a`, a `\r\n` pair); a
    /// filled copy writes each as an escape again, never as a raw byte, and reads back the same.
    @Test func controlCharactersInAPOStringStayEscapes() throws {
        let po = "msgid \"Open \\0%s\\a now\\r\\n\"\nmsgstr \"\"\n"
        let document = try JobDocument.read(path: Scratch.file("controls.po", po), sourceLanguage: .english, targetLanguage: .russian)
        let source = try #require(document.segments.first?.source.text)
        #expect(source == "Open \u{0}%s\u{07} now\r\n")
        let out = document.patched(fills: [0: SegmentFill(target: [.text(source)], quality: .exactMatch, score: 100, origin: "tm", candidates: [], notes: [])])
        #expect(!out.utf8.contains(0) && !out.utf8.contains(7))
        #expect(out.contains(#"msgstr "Open \000%s\007 now\r\n""#), "\(out)")
        let again = try JobDocument.read(path: Scratch.file("controls-copy.po", out), sourceLanguage: .english, targetLanguage: .russian)
        #expect(again.segments.first?.source.text == source)
    }

    /// A PO file with Windows line ends (Poedit): a filled entry keeps `\r\n` on every line it
    /// writes, and the translator's comment stays with its entry.
    @Test func windowsLineEndsAreKeptInAFilledEntry() throws {
        let po = "# Russian menu\r\nmsgctxt \"menu\"\r\nmsgid \"Quit\"\r\nmsgstr \"\"\r\n\r\nmsgid \"Open\"\r\nmsgstr \"\"\r\n"
        let document = try JobDocument.read(path: Scratch.file("crlf.po", po), sourceLanguage: .english, targetLanguage: .russian)
        let out = document.patched(fills: [0: fill("Выход")])
        #expect(out.hasPrefix("# Russian menu\r\n# kioku: 100% match from tm.tmx\r\n"), "\(out)")
        #expect(out.contains("msgid \"Quit\"\r\nmsgstr \"Выход\"\r\n\r\nmsgid \"Open\""))
        #expect(!out.replacingOccurrences(of: "\r\n", with: "").contains("\n"))  // no bare line feed
        let again = try JobDocument.read(path: Scratch.file("crlf-copy.po", out), sourceLanguage: .english, targetLanguage: .russian)
        #expect(again.segments.map(\.source.text) == ["Quit", "Open"])
    }

    /// A combining mark after a backslash or a quote makes one Swift character of the two: the
    /// reader goes by scalar, so the backslash is still an escape (here an unknown one) and a
    /// quoted combining accent stays text.
    @Test func aCombiningMarkDoesNotHideABackslashOrAQuote() throws {
        let bad = "msgid \"Open \\\u{301}now\"\nmsgstr \"\"\n"
        let error = #expect(throws: FormatError.self) { _ = try JobDocument.read(path: Scratch.file("mark.po", bad)) }
        #expect(error?.description.contains("is not a PO escape") == true, "\(String(describing: error))")
        let good = "msgid \"Caf\\\"\u{301}\"\nmsgstr \"\"\n"
        let accented = "Caf" + "\"" + "\u{301}"  // a quote, then a combining acute accent
        let document = try JobDocument.read(path: Scratch.file("accent.po", good), sourceLanguage: .english, targetLanguage: .russian)
        let read = document.segments.first?.source.text
        #expect(read == accented)
        let out = document.patched(fills: [0: fill("Кафе")])
        let readBack = try JobDocument.read(path: Scratch.file("accent-copy.po", out), sourceLanguage: .english, targetLanguage: .russian)
            .segments.first?.source.text
        #expect(readBack == accented)
    }
}
