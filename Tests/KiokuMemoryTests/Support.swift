import Foundation
import KiokuFormats
import KiokuMemory
import KiokuText

enum Scratch {
    static func directory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kioku-memory-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func tmPath() -> String { directory().appendingPathComponent("test.kioku").path }

    static func file(_ name: String, _ text: String) -> String {
        let url = directory().appendingPathComponent(name)
        try! text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The format tests' fixtures, shared rather than copied.
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("KiokuFormatsTests/Fixtures/\(name)").path
    }

    /// The bundled sample memory.
    static func sample(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("memories/\(name)").path
    }
}

extension TranslationMemory {
    func importFiles(_ paths: [String], options: ImportOptions = ImportOptions()) throws -> ImportReport {
        try importUnits(from: try paths.map { .init(origin: $0, reader: try UnitReaders.open(path: $0)) }, options: options)
    }

    /// Everything the TM holds, as exported TMX text (for "unchanged" checks).
    func snapshot() throws -> String {
        let path = Scratch.directory().appendingPathComponent("snapshot.tmx").path
        try export(to: try TMXWriter(path: path, sourceLanguage: nil, toolVersion: "test"))
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}

func unit(_ pairs: (LanguageTag, String)...) -> TranslationUnit {
    TranslationUnit(variants: pairs.map { Variant(language: $0.0, text: $0.1) }, sourceLanguage: pairs.first?.0)
}
