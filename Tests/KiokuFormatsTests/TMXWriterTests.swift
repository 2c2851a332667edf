import Foundation
import Testing
import KiokuTestSupport
import KiokuText
@testable import KiokuFormats

@Suite struct TMXWriterTests {
    @Test func writeThenReadIsLossless() throws {
        let original = try readTMX(Fixtures.path("multilingual.tmx")).units
        let path = Scratch.directory().appendingPathComponent("out.tmx").path
        let writer = try TMXWriter(path: path, sourceLanguage: .english)
        for unit in original { try writer.write(unit) }
        try writer.finish()
        #expect(try readTMX(path).units == original)
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
    }

    @Test func tsvWriterFlattensWhatTSVCannotHold() throws {
        let path = Scratch.directory().appendingPathComponent("out.tsv").path
        let writer = try TSVWriter(path: path, languages: [.english, .russian])
        try writer.write(TranslationUnit(variants: [Variant(language: .english, text: "a\tb\nc"), Variant(language: .russian, text: "д")]))
        try writer.finish()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "en\tru\na b c\tд\n")
    }

    @Test func unfinishedExportLeavesNoFile() throws {
        let path = Scratch.directory().appendingPathComponent("never.tmx").path
        do {
            let writer = try TMXWriter(path: path, sourceLanguage: nil)
            try writer.write(TranslationUnit(variants: [Variant(language: .english, text: "x"), Variant(language: .russian, text: "х")]))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
    }
}
