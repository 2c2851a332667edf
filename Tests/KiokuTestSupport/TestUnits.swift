import KiokuFormats
import KiokuMemory
import KiokuText

/// A unit from (language, text) pairs, the first language its source; optionally with a
/// change date and a context.
public func unit(_ pairs: (LanguageTag, String)..., changed: String? = nil, context: String? = nil) -> TranslationUnit {
    var unit = TranslationUnit(variants: pairs.map { Variant(language: $0.0, text: $0.1) }, sourceLanguage: pairs.first?.0)
    unit.metadata.changeDate = changed
    unit.context = context
    return unit
}

/// Everything a reader yields.
public struct ReadResult {
    public var units: [TranslationUnit] = []
    public var lines: [Int] = []
    public var skips: [Skip] = []
}

/// Reads a reader to its end.
public func readAll(_ reader: any UnitReader) throws -> ReadResult {
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

extension TranslationMemory {
    /// A new TM holding the bundled seed memory (EN/RU/JA, 25 units).
    public static func seed() throws -> TranslationMemory {
        let tm = try TranslationMemory(path: Scratch.tmPath())
        _ = try tm.importUnits(from: [ImportSource(origin: "seed", reader: try TMXReader(path: Repository.sample("seed-summit.tmx")))])
        return tm
    }
}

extension MemoryStore {
    /// Imports files by their names' formats.
    public func importFiles(_ paths: [String], options: ImportOptions = ImportOptions()) throws -> ImportReport {
        try importUnits(from: try paths.map { ImportSource(origin: $0, reader: try UnitReaders.open(path: $0)) }, options: options)
    }

    /// Everything the TM holds, as exported TMX text (for "unchanged" checks).
    public func exportedTMX() throws -> String {
        let path = Scratch.path("snapshot.tmx")
        try export(to: try TMXWriter(path: path, sourceLanguage: nil, toolVersion: "test"))
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}

extension [UInt8] {
    /// `text` as UTF-16 bytes, with or without a byte-order mark.
    public static func utf16(_ text: String, bigEndian: Bool, bom: Bool = true) -> [UInt8] {
        var out: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let pair = [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            out += bigEndian ? pair : pair.reversed()
        }
        return out
    }
}

/// Reads a TMX file to its end.
public func readTMX(_ path: String) throws -> ReadResult { try readAll(try TMXReader(path: path)) }
