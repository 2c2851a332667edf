// KiokuJobs: how much of a job a TM covers, and the job pre-translated from it.
import Foundation
import KiokuFormats
import KiokuJobs
import KiokuMatch
import KiokuMemory
import KiokuText

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kioku-snippet-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

let tm = try TranslationMemory(path: folder.appendingPathComponent("news.kioku").path)
_ = try tm.add([TranslationUnit(variants: [
    Variant(language: .english, text: "Putin and Abe met in Vladivostok."),
    Variant(language: .russian, text: "Путин и Абэ встретились во Владивостоке."),
])])

let job = folder.appendingPathComponent("next.xlf").path
try """
    <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
      <file original="next" source-language="en" target-language="ru" datatype="plaintext"><body>
        <trans-unit id="1"><source>Putin and Abe met in Vladivostok.</source></trans-unit>
        <trans-unit id="2"><source>Putin and Abe met in Tokyo.</source></trans-unit>
      </body></file>
    </xliff>
    """.write(toFile: job, atomically: true, encoding: .utf8)

let document = try JobDocument.read(path: job)
let matcher = try Matcher(memory: tm)
let analysis = try JobAnalyzer(matcher: matcher).analyze([document])
print(analysis.files[0].segments.map(\.band))   // ["100%", "75–84%"]

let (fills, report) = try Pretranslator(matcher: matcher, options: PretranslateOptions(fill: 100)).fills(for: document)
print(report.filled, report.candidatesOnly)      // ["exact-match": 1] 1
let copy = document.patched(fills: fills)
print(copy.contains("state-qualifier=\"exact-match\">Путин и Абэ встретились во Владивостоке.</target>"))   // true
