// Runs the LISA TMX 1.4 compliance kit (../shared/data/tmx/lisa-compkit) through Kioku
// and prints PASS/FAIL per file: every file must import, survive export → re-import
// unchanged, and meet what the kit's own files define (equal segments across
// encodings and character references, multilingual units, per-unit srclang, inline codes).
import Foundation
import KiokuFormats
import KiokuMemory
import KiokuText

let arguments = CommandLine.arguments.dropFirst()
let kit = arguments.first ?? "../shared/data/tmx/lisa-compkit"
guard let names = try? FileManager.default.contentsOfDirectory(atPath: kit) else {
    print("conformance: the LISA kit is not at \(kit) (../shared absent?); nothing was checked")
    exit(0)
}
let files = names.filter { $0.hasSuffix(".tmx") }.sorted()

func units(_ name: String) throws -> [TranslationUnit] {
    let reader = try TMXReader(path: kit + "/" + name)
    var result: [TranslationUnit] = []
    while let item = try reader.next() { if case .unit(let unit, _) = item { result.append(unit) } }
    return result
}

/// What the kit defines beyond "reads and round-trips", per file.
func kitExpectations(_ name: String, _ read: [TranslationUnit]) throws -> [String] {
    var problems: [String] = []
    func expect(_ condition: Bool, _ message: String) { if !condition { problems.append(message) } }
    switch name {
    case "ImportTest1D.tmx", "ImportTest1E.tmx", "ImportTest1F.tmx", "ImportTest1G.tmx", "ImportTest1H.tmx":
        // en-us uses character references where en-gb has the characters: both must read the same,
        // in UTF-8, UTF-8 + BOM, UTF-16 LE/BE and US-ASCII alike.
        for unit in read {
            expect(Set(unit.variants.map(\.segment.text)).count == 1, "en-us and en-gb differ: \(unit.variants.map(\.segment.text))")
        }
        expect(read.count == 3, "expected 3 units, read \(read.count)")
        if name != "ImportTest1D.tmx" {
            expect(try units("ImportTest1D.tmx").map { $0.variants.map(\.segment.text) } == read.map { $0.variants.map(\.segment.text) },
                   "content differs from ImportTest1D.tmx")
        }
    case "ImportTest1A.tmx":
        expect(read.first?.variants.first?.segment.text == "First segment with [\t\t   ]", "tabs from &#x09; not kept")
    case "ImportTest1B.tmx":
        expect(read.first?.languages.map(\.identifier) == ["en-US", "fr-CA"], "language tags not read case-insensitively")
    case "ImportTest1C.tmx":
        expect(read.count == 3 && read.allSatisfy { $0.variants.count == 5 }, "multilingual units not kept whole")
    case "ImportTest1I.tmx":
        expect(read.first?.variant(LanguageTag("ja-JP")!)?.segment.text == "Japanese segment with [\u{3000}\u{3000}]", "U+3000 not kept")
    case "ImportTest1J_many.tmx":
        let enUS = LanguageTag("en-US")!, enGB = LanguageTag("en-GB")!
        let pairs = read.filter { $0.sourceLanguage == enUS && $0.variant(enGB) != nil }
        expect(pairs.count == 2, "with source en-us and target en-gb, 2 units should qualify; \(pairs.count) did")
    case "ImportTest1K.tmx":
        expect(read.map { $0.sourceLanguage?.identifier } == ["de-DE", "fr-CA"], "per-unit srclang not honoured")
    case "ImportTest1L.tmx", "ImportTest2C.tmx":
        let unit = read.first
        expect(unit?.metadata.notes.count == 2 && unit?.metadata.properties.count == 1, "unit notes/props lost")
        expect(unit?.metadata.attribute("usagecount") == "100", "unit attributes lost")
        expect(unit?.variants.count == 3, "expected 3 variants")
    case "ImportTest2A.tmx", "ImportTest2B.tmx", "ExportTest2A.tmx", "ImportTest2A-0index.tmx":
        expect(read.contains { $0.variants.contains { $0.segment.markup != nil } }, "inline codes lost")
        expect(read.allSatisfy { $0.variants.allSatisfy { !$0.segment.text.contains("{\\") && !$0.segment.text.contains("<b>") } },
               "inline code content counted as text")
    default:
        break
    }
    return problems
}

var failed = 0
for name in files {
    do {
        let report = try RoundTrip.check(tmx: kit + "/" + name)
        let problems = report.differences + (try kitExpectations(name, try units(name)))
        if problems.isEmpty {
            print("PASS  \(name)  (\(report.unitsRead) units read, \(report.unitsStored) stored, \(report.skips.count) skipped)")
        } else {
            failed += 1
            print("FAIL  \(name)")
            for problem in problems { print("      \(problem)") }
        }
    } catch {
        failed += 1
        print("FAIL  \(name)  \(error)")
    }
}
print("\(files.count - failed) passed, \(failed) failed")
exit(failed == 0 ? 0 : 1)
