import Foundation
import KiokuFormats

/// Paths to the hand-written fixtures next to this file, and scratch files.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A new empty directory for a test's own files.
    static func scratchDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kioku-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `bytes` to a scratch file and returns its path.
    static func write(_ bytes: [UInt8], named name: String) -> String {
        let url = scratchDirectory().appendingPathComponent(name)
        try! Data(bytes).write(to: url)
        return url.path
    }

    static func write(_ text: String, named name: String) -> String { write(Array(text.utf8), named: name) }
}

/// Everything a reader yields.
struct ReadResult {
    var units: [TranslationUnit] = []
    var lines: [Int] = []
    var skips: [Skip] = []
}

func readAll(_ reader: any UnitReader) throws -> ReadResult {
    var result = ReadResult()
    while let item = try reader.next() {
        switch item {
        case .unit(let unit, let at):
            result.units.append(unit)
            result.lines.append(at.line)
        case .skip(let skip):
            result.skips.append(skip)
        }
    }
    return result
}

func readTMX(_ path: String) throws -> ReadResult { try readAll(try TMXReader(path: path)) }

extension [UInt8] {
    static func utf16(_ text: String, bigEndian: Bool, bom: Bool = true) -> [UInt8] {
        var out: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let pair = [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            out += bigEndian ? pair : pair.reversed()
        }
        return out
    }
}
