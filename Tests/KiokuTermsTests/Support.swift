import Foundation
import KiokuText
@testable import KiokuTerms

enum Files {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }
    static func bundled(_ path: String) -> String { repository.appendingPathComponent(path).path }
    static func scratch(_ name: String, _ text: String? = nil) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kioku-terms-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        if let text { try! text.write(toFile: path, atomically: true, encoding: .utf8) }
        return path
    }
    static var seedGlossary: Glossary { try! TBXReader.read(path: bundled("glossaries/names-and-places.tbx")) }
}

extension TermFinder {
    func concepts(in text: String) -> [String] { occurrences(in: text).map(\.conceptID) }
    func found(in text: String) -> [String] { occurrences(in: text).map(\.found) }
}
