// KiokuFormats: stream the units of a TMX file, and write them out as TSV.
import Foundation
import KiokuFormats
import KiokuText

// snippet.hide
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kioku-snippet-\(UUID().uuidString)").path
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
let tmx = folder + "/summit.tmx"
try """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/>
    <body>
      <tu><tuv xml:lang="en"><seg>The <bpt i="1">&lt;b></bpt>Far East<ept i="1">&lt;/b></ept> forum</seg></tuv>
          <tuv xml:lang="ru"><seg>Форум <bpt i="1">&lt;b></bpt>Дальнего Востока<ept i="1">&lt;/b></ept></seg></tuv></tu>
    </body></tmx>
    """.write(toFile: tmx, atomically: true, encoding: .utf8)
// snippet.show
let reader = try TMXReader(path: tmx)
let writer = try TSVWriter(path: folder + "/summit.tsv", languages: [.english, .russian])
while let item = try reader.next() {
    switch item {
    case .unit(let unit, let location):
        print(location, unit.variant(.english)!.segment.text)  // summit.tmx:4 The Far East forum (codes are not text)
        try writer.write(unit)
    case .skip(let skip):
        print("skipped", skip)
    }
}
try writer.finish()
print(try String(contentsOfFile: folder + "/summit.tsv", encoding: .utf8), terminator: "")
