import Foundation
import KiokuFormats

/// The paragraphs of a Word document: the `w:p` elements of `word/document.xml`, their text
/// from `w:t` runs (`w:tab` and `w:br` become spaces; deleted text of tracked changes and
/// field instructions are left out).
enum WordParagraphs {
    /// A document part larger than this is refused (a zip bomb would otherwise fill the memory).
    static let maximumPartBytes = 256 << 20

    static func read(_ data: Data, file: String) throws(AlignError) -> [String] {
        let found: [UInt8]?
        do throws(ZipArchive.Problem) {
            found = try ZipArchive([UInt8](data)).contents(of: "word/document.xml", limit: maximumPartBytes)
        } catch {
            throw .badDocument(file: file, reason: error.description)
        }
        guard let part = found else { throw .badDocument(file: file, reason: "it has no word/document.xml (is it a .docx?)") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kioku-docx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("document.xml").path
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(part).write(to: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(file: file, reason: "cannot unpack word/document.xml to a temporary folder: \(error.localizedDescription)")
        }
        do {
            return try paragraphs(XMLPullParser(path: path))
        } catch {
            throw .badDocument(file: file, reason: "word/document.xml: \(error.description.replacingOccurrences(of: path, with: "line"))")
        }
    }

    private static func paragraphs(_ parser: XMLPullParser) throws(FormatError) -> [String] {
        var paragraphs: [String] = []
        var current: String?
        var inText = false
        var skipDepth = 0
        while let event = try parser.next() {
            switch event {
            case .start(let name, _):
                switch localName(name) {
                case "p": current = current ?? ""
                case "t": inText = skipDepth == 0
                case "tab", "br", "cr": if skipDepth == 0 { current?.append(" ") }
                case "delText", "instrText": skipDepth += 1
                default: break
                }
            case .end(let name):
                switch localName(name) {
                case "p":
                    if let text = current { paragraphs.append(text.trimmingCharacters(in: .whitespaces)) }
                    current = nil
                case "t": inText = false
                case "delText", "instrText": skipDepth -= 1
                default: break
                }
            case .text(let text):
                if inText { current?.append(text) }
            }
        }
        return paragraphs
    }

    private static func localName(_ name: String) -> Substring {
        name.split(separator: ":").last ?? name[...]
    }
}
