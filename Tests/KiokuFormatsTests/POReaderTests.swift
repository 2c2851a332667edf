import Testing
import KiokuFormats
import KiokuTestSupport
import KiokuText

/// gettext PO as Weblate and every open-source project write it: what is imported, what is
/// kept, and bad files refused at their line.
@Suite struct POReaderTests {
    static let catalog = #"""
        # Russian translation.
        msgid ""
        msgstr ""
        "Language: ru\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

        # Shown on the toolbar.
        #. TRANSLATORS: keep it short
        #: src/main.c:10
        #, c-format
        msgid "Open \"%s\"\tnow"
        msgstr "Открыть «%s»\tсейчас"

        msgctxt "menu"
        msgid ""
        "Quit the "
        "program"
        msgstr "Выйти из программы"

        msgid "One file"
        msgid_plural "%d files"
        msgstr[0] "%d файл"
        msgstr[1] "%d файла"
        msgstr[2] "%d файлов"

        #, fuzzy
        msgid "Save as"
        msgstr "Сохранить как"

        msgid "Untranslated"
        msgstr ""

        #~ msgid "Old"
        #~ msgstr "Старый"
        """#

    @Test func importsTranslatedEntriesWithContextPluralsAndComments() throws {
        let path = Scratch.file("app.ru.po", Self.catalog)
        let read = try readAll(try POReader(path: path))
        #expect(read.units.count == 3)
        #expect(read.lines == [12, 16, 21])
        let open = read.units[0]
        #expect(open.variants.map(\.language.identifier) == ["en", "ru"])
        #expect(open.variants[0].segment.text == "Open \"%s\"\tnow")
        #expect(open.variants[1].segment.text == "Открыть «%s»\tсейчас")
        #expect(open.metadata.property(POProperties.flags) == "c-format")
        #expect(open.metadata.notes.map(\.text) == ["Shown on the toolbar.", "#. TRANSLATORS: keep it short", "#: src/main.c:10"])
        let quit = read.units[1]
        #expect(quit.variants[0].segment.text == "Quit the program")
        #expect(quit.metadata.property(POProperties.context) == "menu")
        #expect(quit.context == "Open \"%s\"\tnow")  // the previous entry: what makes a 101 % match
        let files = read.units[2]
        #expect(files.variants[1].segment.text == "%d файл")
        #expect(files.metadata.property(POProperties.msgidPlural) == "%d files")
        #expect(files.metadata.properties.filter { $0.type == POProperties.pluralForm }.map(\.value) == ["%d файла", "%d файлов"])
        #expect(read.skips.map(\.reason) == [.fileHeader, .notTranslated, .notTranslated])
        #expect(read.skips.map(\.location.line) == [2, 28, 31])
    }

    @Test func theSourceLanguageComesFromTheHeaderOrTheCaller() throws {
        let path = Scratch.file("ja.po", "msgid \"\"\nmsgstr \"Language: ja\\nX-Source-Language: ru\\n\"\n\nmsgid \"Да\"\nmsgstr \"はい\"\n")
        #expect(try readAll(try POReader(path: path)).units.first?.languages.map(\.identifier) == ["ru", "ja"])
        let bare = Scratch.file("bare.po", "msgid \"Yes\"\nmsgstr \"Да\"\n")
        #expect(try readAll(try POReader(path: bare, targetLanguage: LanguageTag("ru"))).units.first?.languages.map(\.identifier) == ["en", "ru"])
        #expect(try readAll(try POReader(path: bare)).skips.map(\.reason) == [.unknownTargetLanguage])
    }

    @Test(arguments: [
        ("msgid \"a\"\nmsgstr \"b\\q\"\n", 2, "\\q is not a PO escape"),
        ("msgid \"a\"\nmsgstr \"b\n", 2, "not closed"),
        ("msgid \"a\"\nmsgstr b\n", 2, "double quotes"),
        ("msgid \"a\"\nmsgstr \"b\" c\n", 2, "after the closing quote"),
        ("msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"c\"\n", 1, "no msgstr"),
        ("msgid \"a\"\nmsgtxt \"b\"\n", 2, "not a PO keyword"),
        ("msgid \"\"\nmsgstr \"\"\n\"Language ru\\n\"\n", 2, "is not \"Key: value\""),
        ("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=KOI8-R\\n\"\n", 1, "msgconv --to-code=UTF-8"),
        ("msgid \"a\"\nmsgstr[0] \"b\"\n", 1, "without msgid_plural"),
        ("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr \"b\"\n", 1, "needs msgstr[0]"),
    ] as [(String, Int, String)])
    func badFilesAreRefusedAtTheirLine(text: String, line: Int, message: String) throws {
        let path = Scratch.file("bad.po", text)
        let error = #expect(throws: FormatError.self) { _ = try readAll(try POReader(path: path, targetLanguage: LanguageTag("ru"))) }
        #expect(error?.location?.line == line, "\(String(describing: error))")
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix(path) == true)
    }

    @Test func poIsKnownByItsName() {
        #expect(UnitFormat(path: "de.PO") == .po)
        #expect(UnitFormat(path: "x.pot") == nil)  // a template has no translations to import
    }
}
