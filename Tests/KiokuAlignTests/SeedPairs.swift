import Foundation
import KiokuAlign
import KiokuTestSupport
import KiokuText

/// The bundled seed memory's sentence pairs, to build test documents from real news text.
enum SeedPairs {
    /// (en, ru, ja) rows of `memories/seed-summit.tsv`.
    static let rows: [(en: String, ru: String, ja: String)] = {
        let text = try! String(contentsOfFile: Repository.sample("seed-summit.tsv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return (fields[0], fields[1], fields[2])
        }
    }()

    /// A document whose paragraphs are the given sentences, joined (Japanese without spaces).
    static func document(_ language: LanguageTag, _ paragraphs: [[String]]) -> AlignDocument {
        let separator = language == .japanese ? "" : " "
        return AlignDocument(name: "\(language).txt", language: language, paragraphs: paragraphs.map { $0.joined(separator: separator) })
    }

    /// The beads' shapes and texts, for comparing with what a test expects.
    static func pairs(_ alignment: Alignment) -> [(shape: String, source: String, target: String)] {
        alignment.beads.map { ($0.shape, alignment.sourceText(of: $0), alignment.targetText(of: $0)) }
    }
}
