import Foundation
import Testing
import KiokuTestSupport

/// `kioku edit`, `delete`, `show` and `compact` as a TM manager uses them: a correction is
/// found by the next lookup and kept in the history; a deleted unit is gone from every answer.
@Suite struct EditCommandTests {
    static let sentence = "During the gathering in Vladivostok, President Putin and PM Abe agreed to once again meet on December 15 in Japan."

    func seedTM() throws -> String {
        let tm = Scratch.tmPath()
        #expect(try KiokuProcess.run(["import", Repository.sample("seed-summit.tmx"), "--tm", tm]).status == 0)
        return tm
    }

    func lookup(_ tm: String) throws -> String {
        try KiokuProcess.run(["lookup", "--tm", tm, "--src", "en", "--tgt", "ru", "--json", Self.sentence]).output
    }

    @Test func anEditIsFoundByTheNextLookupAndKeptInTheHistory() throws {
        let tm = try seedTM()
        #expect(try lookup(tm).contains("договорились вновь встретиться 15 декабря"))
        let edit = try KiokuProcess.run(["edit", "--tm", tm, "--id", "22", "--lang", "ru", "--user", "olga",
                                         "--text", "Во Владивостоке Путин и Абэ договорились снова встретиться 15 декабря в Японии."])
        #expect(edit.status == 0, "\(edit.errors)")
        #expect(edit.output.contains("→ «Во Владивостоке Путин и Абэ"))
        let after = try lookup(tm)
        #expect(after.contains("Во Владивостоке Путин и Абэ договорились снова") && !after.contains("договорились вновь"), "\(after)")
        let shown = try KiokuProcess.run(["show", "--tm", tm, "--id", "22"])
        #expect(shown.output.contains("changed ") && shown.output.contains(" by olga"))
        #expect(shown.output.contains("by olga, ru was: Во время встречи во Владивостоке президент Путин"), "\(shown.output)")
        // The same text again changes nothing and adds no history.
        let again = try KiokuProcess.run(["edit", "--tm", tm, "--id", "22", "--lang", "ru",
                                          "--text", "Во Владивостоке Путин и Абэ договорились снова встретиться 15 декабря в Японии."])
        #expect(again.status == 0 && again.output.contains("nothing was changed"))
        let json = try KiokuProcess.run(["show", "--tm", tm, "--id", "22", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect((object["history"] as? [Any])?.count == 1)
        // The Japanese side of the unit is untouched, and a Japanese lookup still finds it.
        let japanese = try KiokuProcess.run(["lookup", "--tm", tm, "--src", "ja", "--tgt", "ru", "--json",
                                             "ウラジオストクでの会合で、プーチン大統領と安倍首相は12月15日に日本で再び会談することで合意した。"])
        #expect(japanese.output.contains("\"score\" : 100") && japanese.output.contains("Во Владивостоке Путин и Абэ"), "\(japanese.output)")
    }

    @Test func aDeletedUnitIsGoneFromEveryAnswer() throws {
        let tm = try seedTM()
        let deleted = try KiokuProcess.run(["delete", "--tm", tm, "--id", "22", "99"])
        #expect(deleted.status == 0, "\(deleted.errors)")
        #expect(deleted.output.contains("no unit 99") && deleted.output.contains("Deleted 1 unit from"))
        let after = try lookup(tm)
        #expect(!after.contains("15 декабря"), "\(after)")
        let concordance = try KiokuProcess.run(["concordance", "--tm", tm, "--lang", "en", "December 15"])
        #expect(!concordance.output.contains("unit 22"), "\(concordance.output)")
        let export = Scratch.path("after.tmx")
        #expect(try KiokuProcess.run(["export", "--tm", tm, "--to", export]).status == 0)
        #expect(!(try String(contentsOfFile: export, encoding: .utf8)).contains("15 декабря"))
        #expect(try KiokuProcess.run(["stats", "--tm", tm]).output.contains("24 units"))
        #expect(try KiokuProcess.run(["show", "--tm", tm, "--id", "22"]).status == 2)
        // Its id is not given to the next unit.
        let added = Scratch.file("one.tsv", "en\tru\nThe forum closed.\tФорум закрылся.\n")
        #expect(try KiokuProcess.run(["import", added, "--tm", tm]).status == 0)
        #expect(try KiokuProcess.run(["show", "--tm", tm, "--id", "26"]).output.contains("Форум закрылся."))
        #expect(try KiokuProcess.run(["verify", "--tm", tm]).status == 0)
    }

    @Test func idsComeFromAFileOrStandardInput() throws {
        let tm = try seedTM()
        let list = Scratch.file("ids.txt", "3 5\n# from the QA report\n7,9\n99\n")
        let fromFile = try KiokuProcess.run(["delete", "--tm", tm, "--ids-from", list])
        #expect(fromFile.status == 0 && fromFile.output.contains("Deleted 4 units") && fromFile.output.contains("no unit 99"), "\(fromFile.output)")
        let fromInput = try KiokuProcess.run(["delete", "--tm", tm, "--ids-from", "-", "--json"], input: "11\n12\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(fromInput.output.utf8)) as? [String: Any])
        #expect(object["deleted"] as? [Int] == [11, 12])
        let bad = try KiokuProcess.run(["delete", "--tm", tm, "--ids-from", Scratch.file("bad.txt", "13\n14 x15\n")])
        #expect(bad.status == 2 && bad.errors.contains("bad.txt:2: \"x15\" is not a unit id; nothing was deleted"), "\(bad.errors)")
        #expect(try KiokuProcess.run(["stats", "--tm", tm]).output.contains("19 units"))
    }

    @Test func anImportIsUndoneByItsOrigin() throws {
        let tm = try seedTM()
        let planted = Scratch.file("planted.tsv", "en\tru\nThe treaty of 1956 was never signed.\tДоговор 1965 года так и не подписали.\nThe talks went on.\tThe talks went on.\n")
        #expect(try KiokuProcess.run(["import", planted, "--tm", tm]).status == 0)
        let dryRun = try KiokuProcess.run(["delete", "--tm", tm, "--origin", planted, "--dry-run"])
        #expect(dryRun.output.contains("Would delete 2 units") && dryRun.output.contains("unit 26"), "\(dryRun.output)")
        #expect(try KiokuProcess.run(["stats", "--tm", tm]).output.contains("27 units"))
        let undo = try KiokuProcess.run(["delete", "--tm", tm, "--origin", planted, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(undo.output.utf8)) as? [String: Any])
        #expect(object["deleted"] as? [Int] == [26, 27])
        #expect(try KiokuProcess.run(["qa", "--tm", tm]).status == 0)  // what the import brought in is gone
        let unknown = try KiokuProcess.run(["delete", "--tm", tm, "--origin", "elsewhere/seed-summit.tmx"])
        #expect(unknown.status == 2 && unknown.errors.contains("its origins are: "), "\(unknown.errors)")
        let byPhrase = try KiokuProcess.run(["delete", "--tm", tm, "--concordance", "Vladivostok", "--lang", "en", "--dry-run"])
        #expect(byPhrase.output.contains("Would delete 6 units"), "\(byPhrase.output)")
        #expect(try KiokuProcess.run(["stats", "--tm", tm]).output.contains("25 units"))
    }

    @Test func aBadEditSaysWhyAndWritesNothing() throws {
        let tm = try seedTM()
        func exported() throws -> String {
            let path = Scratch.path("export-\(UUID().uuidString).tmx")
            #expect(try KiokuProcess.run(["export", "--tm", tm, "--to", path]).status == 0)
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        let before = try exported()
        let cases: [([String], String)] = [
            (["--id", "99", "--lang", "ru", "--text", "Текст"], "there is no unit 99"),
            (["--id", "4", "--lang", "de", "--text", "Text"], "unit 4 has no de variant (it has en, ru, ja)"),
            (["--id", "4", "--lang", "ru", "--text", "   "], "kioku delete --tm"),
        ]
        for (arguments, message) in cases {
            let result = try KiokuProcess.run(["edit", "--tm", tm] + arguments)
            #expect(result.status == 2 && result.errors.contains(message), "\(result.errors)")
        }
        #expect(try KiokuProcess.run(["delete", "--tm", tm]).status != 0)  // no selection: refused by the parser
        #expect(try exported() == before)
        #expect(try KiokuProcess.run(["show", "--tm", tm, "--id", "4", "--json"]).output.contains("\"history\" : [\n\n  ]"))
    }

    @Test func compactingKeepsTheAnswersAndDropsTheDead() throws {
        let tm = try seedTM()
        let ids = (1...20).filter { $0 != 22 && $0 % 2 == 0 }.map(String.init)
        #expect(try KiokuProcess.run(["delete", "--tm", tm, "--id"] + ids).status == 0)
        let before = try lookup(tm)
        func bytesOnDisk() -> Int {
            ["", "-wal"].reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: tm + $1)[.size] as? Int) ?? 0) }
        }
        let bytesBefore = bytesOnDisk()
        let compact = try KiokuProcess.run(["compact", "--tm", tm, "--json"])
        #expect(compact.status == 0, "\(compact.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(compact.output.utf8)) as? [String: Any])
        #expect(object["segmentsIndexed"] as? Int == 15 * 3)
        // the file and its log, before and after (the deleted units' pages given back)
        #expect(object["bytesBefore"] as? Int == bytesBefore)
        #expect((object["bytesAfter"] as? Int).map { $0 > 0 && $0 < bytesBefore } == true, "\(object)")
        #expect(try lookup(tm).replacingOccurrences(of: #""took_ms" : [0-9.]+"#, with: "", options: .regularExpression)
                == before.replacingOccurrences(of: #""took_ms" : [0-9.]+"#, with: "", options: .regularExpression))
        let verify = try KiokuProcess.run(["verify", "--tm", tm])
        #expect(verify.status == 0, "\(verify.output)")
    }
}
