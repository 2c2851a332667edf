import Foundation
import KiokuFormats
import KiokuMemory
import KiokuText
@testable import KiokuMatch

enum Scratch {
    static func tmPath() -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kioku-match-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.appendingPathComponent("test.kioku").path
    }

    static func sample(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("memories/\(name)").path
    }

    /// A TM holding the bundled seed memory (EN/RU/JA).
    static func seedMemory() throws -> TranslationMemory {
        let tm = try TranslationMemory(path: tmPath())
        _ = try tm.importUnits(from: [.init(origin: "seed", reader: try TMXReader(path: sample("seed-summit.tmx")))])
        return tm
    }
}

func unit(_ pairs: (LanguageTag, String)..., changed: String? = nil, context: String? = nil) -> TranslationUnit {
    var unit = TranslationUnit(variants: pairs.map { Variant(language: $0.0, text: $0.1) }, sourceLanguage: pairs.first?.0)
    unit.metadata.changeDate = changed
    unit.context = context
    return unit
}

extension Matcher {
    func scores(_ query: String, _ from: LanguageTag = .english, _ to: LanguageTag = .russian, min: Int = 50) throws -> [Int] {
        try lookup(query, from: from, to: to, options: LookupOptions(minimumScore: min)).map(\.score)
    }
}
