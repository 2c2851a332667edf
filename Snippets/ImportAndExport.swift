// KiokuMemory: a translation memory in an SQLite file — import, count, export.
import Foundation
import KiokuFormats
import KiokuMemory
import KiokuText

// snippet.hide
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kioku-snippet-\(UUID().uuidString)").path
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
let tsv = folder + "/summit.tsv"
try "en\tru\nMoscow and Tokyo\tМосква и Токио\nThe summit ended.\tСаммит завершился.\n".write(toFile: tsv, atomically: true, encoding: .utf8)
// snippet.show
let tm = try TranslationMemory(path: folder + "/summit.kioku")   // created when missing
let report = try tm.importUnits(from: [ImportSource(origin: tsv, reader: try UnitReaders.open(path: tsv))])
print("\(report.added) added, \(report.duplicates) duplicates, \(report.skipped) skipped")

// Units given in code go through the same import (one transaction, duplicates merged).
try tm.add([TranslationUnit(variants: [Variant(language: .english, text: "Abe met Putin."),
                                       Variant(language: .russian, text: "Абэ встретился с Путиным.")],
                            sourceLanguage: .english)])
let statistics = try tm.statistics()
print("\(statistics.units) units; pairs: \(statistics.pairs.map { $0.languages.joined(separator: "↔") })")
let exported = try tm.export(to: try TMXWriter(path: folder + "/all.tmx", sourceLanguage: .english))
print("exported \(exported) units")
