// KiokuMatch: fuzzy lookup and concordance over a TM.
import Foundation
import KiokuFormats
import KiokuMatch
import KiokuMemory
import KiokuText

// snippet.hide
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kioku-snippet-\(UUID().uuidString)").path
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
let path = folder + "/summit.kioku"
// snippet.show
let tm = try TranslationMemory(path: path)
try tm.add([TranslationUnit(variants: [
    Variant(language: .english, text: "Putin and Abe agreed to meet again on December 15 in Japan."),
    Variant(language: .russian, text: "Путин и Абэ договорились вновь встретиться 15 декабря в Японии."),
], sourceLanguage: .english)])

let matcher = try Matcher(memory: tm)   // any MemoryStore; the index is kept in the store
let matches = try matcher.lookup("Putin and Abe agreed to meet again on December 20 in Japan.",
                                 from: .english, to: .russian, options: LookupOptions(minimumScore: 70))
for match in matches {
    print(match.score, match.target)                  // 99 Путин и Абэ … 15 декабря в Японии.
    print("adapted:", match.adaptedTarget ?? "-")     // … 20 декабря в Японии.
    print(match.diff.filter { $0.kind != .equal }.map { "\($0.kind): \($0.text)" })
}
for hit in try Concordance(memory: tm).search("Япония", language: .russian) {
    print("unit \(hit.unitID):", hit.text)            // finds «Японии»: Russian matches by stem
}
