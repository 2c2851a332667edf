import Foundation
import KiokuAlign
import KiokuTerms
import KiokuText

/// `kioku-bench align DIR OUT --src L --tgt L [--no-paragraphs] [--without kind,kind] [--glossary F]…
///  [--lexicon-lines SRC.txt TGT.txt] [--swap]`
///
/// `--lexicon-lines` gives line-aligned files of the test bed's own source (the WMT21 lines):
/// each document is aligned with a lexicon learned from the lines of all *other* documents
/// (its own lines, listed in its gold file, are left out), as a user's TM of past articles.
///
/// Aligns every `DOC.src.txt`/`DOC.tgt.txt` pair of DIR in one process (reading, splitting and
/// aligning all timed) and writes `OUT/DOC.align.tsv` (source TAB target TAB score) for the
/// aligner test bed's score.py. Prints documents, sentences, seconds and peak RSS.
enum AlignBenchmark {
    static func run(_ arguments: [String]) throws {
        guard arguments.count >= 3, let source = languageOption("--src"), let target = languageOption("--tgt") else {
            fail("usage: kioku-bench align DIR OUT --src L --tgt L [--no-paragraphs] [--without kinds] [--glossary FILE]")
        }
        let directory = arguments[1], output = arguments[2]
        let flags = Arguments(arguments)
        var alignment = AlignmentOptions(usesParagraphs: !flags.has("--no-paragraphs"))
        if let without = flags.value("--without") {
            for name in without.split(separator: ",") {
                guard let kind = AnchorKind(rawValue: String(name)) else { fail("unknown anchor kind \(name)") }
                alignment.anchorKinds.remove(kind)
            }
        }
        let glossaryPaths = arguments.indices.filter { arguments[$0] == "--glossary" && $0 + 1 < arguments.count }.map { arguments[$0 + 1] }
        if !glossaryPaths.isEmpty { alignment.glossary = try GlossaryFile.read(paths: glossaryPaths) }
        var lexiconLines: ([String], [String])?
        if let index = arguments.firstIndex(of: "--lexicon-lines"), index + 2 < arguments.count {
            func lines(_ path: String) throws -> [String] {
                try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
            lexiconLines = (try lines(arguments[index + 1]), try lines(arguments[index + 2]))
        }
        let documents = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".src.txt") }.map { String($0.dropLast(".src.txt".count)) }.sorted()
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        var sentences = 0
        var written: [(String, String)] = []
        let started = Date()
        for document in documents {
            let base = (directory as NSString).appendingPathComponent(document)
            let sourceDocument = try DocumentReader.read(path: base + ".src.txt", language: source)
            let targetDocument = try DocumentReader.read(path: base + ".tgt.txt", language: target)
            var options = alignment
            if let (sourceLines, targetLines) = lexiconLines {
                let gold = try String(contentsOfFile: base + ".gold.tsv", encoding: .utf8)
                let own = Set(gold.split(whereSeparator: { $0 == "\n" || $0 == "\t" || $0 == "," }).compactMap { Int($0) })
                options.knownPairs = zip(sourceLines, targetLines).enumerated().filter { !own.contains($0.offset) }.map { ($0.element.0, $0.element.1) }
            }
            // --swap aligns the translation as the source (the direction is the aligner's to ignore);
            // the columns are written back in the test bed's order.
            let swapped = flags.has("--swap")
            let result = swapped ? try Aligner(options: options).align(targetDocument, sourceDocument)
                                 : try Aligner(options: options).align(sourceDocument, targetDocument)
            sentences += result.source.count + result.target.count
            var lines = ""
            for bead in result.beads {
                let (first, second) = (result.sourceText(of: bead), result.targetText(of: bead))
                lines += swapped ? "\(second)\t\(first)\t\(bead.score)\n" : "\(first)\t\(second)\t\(bead.score)\n"
            }
            written.append((document, lines))
        }
        let seconds = Date().timeIntervalSince(started)
        for (document, lines) in written {
            try lines.write(toFile: (output as NSString).appendingPathComponent(document + ".align.tsv"), atomically: true, encoding: .utf8)
        }
        print(String(format: "align: %d documents, %d sentences, %.3f s, peak RSS %.0f MB", documents.count, sentences, seconds, peakRSSMegabytes()))
    }
}
