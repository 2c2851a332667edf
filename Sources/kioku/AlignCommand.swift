import ArgumentParser
import Foundation
import KiokuAlign
import KiokuFormats
import KiokuMatch
import KiokuMemory
import KiokuPostgres
import KiokuTerms
import KiokuText

struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Make a TM from a document and its translation: split both into sentences and pair them.",
        discussion: """
            Documents: plain text (.txt; UTF-8, or UTF-16 with a BOM; a paragraph a line or blank-line \
            separated), Markdown (.md), HTML (.html) and Word (.docx). Either side may be the original.

            Without --to, --tm or --json, the pairs are printed for reading. Sentences with no counterpart \
            come out as 1-0 or 0-1 beads; they are reported, and never stored. Every bead has a score from \
            0 to 1; --min-score keeps doubtful pairs out of --to and --tm. Check an alignment before you \
            import it with --review FILE.html.
            """
    )

    @Argument(help: ArgumentHelp("The source document.", valueName: "source-file"))
    var sourceFile: String

    @Argument(help: ArgumentHelp("The target document (its translation, or its original).", valueName: "target-file"))
    var targetFile: String

    @Option(help: ArgumentHelp("The source document's language (default: from the file name, else its script).", valueName: "lang"))
    var src: LanguageTag?

    @Option(help: ArgumentHelp("The target document's language.", valueName: "lang"))
    var tgt: LanguageTag?

    @Option(help: ArgumentHelp("Write the pairs to this file: .tmx or .tsv.", valueName: "file"))
    var to: String?

    @Option(help: ArgumentHelp("Import the pairs into this TM (a file, created if missing, or a postgresql:// URL), in one transaction.", valueName: "tm"))
    var tm: String?

    @Flag(help: "Print every bead as a JSON line (omissions too).")
    var json = false

    @Option(help: ArgumentHelp("Write a side-by-side page for checking the alignment.", valueName: "file.html"))
    var review: String?

    @Option(name: .customLong("min-score"), help: ArgumentHelp("Leave pairs scoring below this (0–1) out of --to and --tm.", valueName: "score"))
    var minimumScore: Double = 0

    @Option(name: .customLong("glossary"), help: ArgumentHelp("Names and places that anchor sentences (TBX/TSV). With --tm, the TM's stored glossary is used too, and a lexicon learned from its units.", valueName: "file"))
    var glossaries: [String] = []

    @Option(help: ArgumentHelp("The documents' format when their names do not tell: text, markdown, html, docx.", valueName: "format"))
    var format: DocumentFormat?

    @Flag(name: .customLong("ignore-paragraphs"), help: "Do not use paragraph breaks as hints (when the translation reflowed them).")
    var ignoreParagraphs = false

    @Flag(help: "Write or import even when a document does not look like its language.")
    var force = false

    func validate() throws {
        guard (0...1).contains(minimumScore) else { throw ValidationError("--min-score takes a number from 0 to 1") }
        if let to, ![".tmx", ".tsv"].contains(where: { to.lowercased().hasSuffix($0) }) {
            throw ValidationError("--to writes .tmx or .tsv files; \(to) is neither")
        }
    }

    func run() throws {
        try Terminal.reportingErrors(.align) {
            var source = try DocumentReader.read(path: sourceFile, language: src ?? .english, format: format)
            var target = try DocumentReader.read(path: targetFile, language: tgt ?? .english, format: format)
            source.language = try src ?? guessed(sourceFile, source, option: "--src")
            target.language = try tgt ?? guessed(targetFile, target, option: "--tgt")
            guard source.language.primary != target.language.primary else {
                throw ValidationError("both documents are \(source.language): name the languages with --src and --tgt")
            }

            var options = AlignmentOptions(usesParagraphs: !ignoreParagraphs)
            var glossary = glossaries.isEmpty ? Glossary() : try GlossaryFile.read(paths: glossaries)
            if let tm, PostgresAddress.isAddress(tm) || FileManager.default.fileExists(atPath: tm) {
                let memory = try MemoryLocation.open(tm, create: PostgresAddress.isAddress(tm))  // an empty database is where the pairs go
                glossary = Glossary.merged([glossary, try GlossaryStore.load(from: memory)])
                options.knownPairs = try knownPairs(in: memory, source: source.language, target: target.language)
            }
            if !glossary.concepts.isEmpty { options.glossary = glossary }
            let alignment = try Aligner(options: options).align(source, target)

            for warning in alignment.warnings { Terminal.error("warning: \(warning)") }
            let wrongScript = alignment.warnings.contains { if case .wrongScript = $0 { true } else { false } }
            if wrongScript, !force, to != nil || tm != nil {
                throw ValidationError("nothing was written: a document does not look like its language (see the warning). Fix --src/--tgt, or pass --force")
            }
            if let review {
                let page = ReviewPage(alignment: alignment, sourceName: sourceFile, targetName: targetFile).html()
                do { try page.write(toFile: review, atomically: true, encoding: .utf8) } catch {
                    throw FormatError.unwritable(file: review, reason: error.localizedDescription)
                }
            }
            let units = alignment.units(minimumScore: minimumScore)
            if let to { try write(units, to: to, alignment: alignment) }
            if let tm { try store(units, in: tm) }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                for record in alignment.records { print(String(decoding: try encoder.encode(record), as: UTF8.self)) }
            } else if to == nil && tm == nil {
                printReadable(alignment)
            }
            printSummary(alignment, kept: units.count)
        }
    }

    /// The TM's first units in the two languages, to learn a lexicon from (see AlignmentLexicon).
    private func knownPairs(in memory: any MemoryStore, source: LanguageTag, target: LanguageTag) throws -> [(source: String, target: String)] {
        var pairs: [(source: String, target: String)] = []
        try memory.forEachUnit(ids: UnitID(1)...UnitID(Int64(AlignmentLexicon.maximumPairs) * 2), languages: [source, target]) { stored in
            guard pairs.count < AlignmentLexicon.maximumPairs, let a = stored.unit.variant(source), let b = stored.unit.variant(target) else { return }
            pairs.append((a.segment.text, b.segment.text))
        }
        return pairs
    }

    private func guessed(_ path: String, _ document: AlignDocument, option: String) throws -> LanguageTag {
        guard let language = LanguageGuess.language(path: path, paragraphs: document.paragraphs) else {
            throw ValidationError("cannot tell the language of \(path): pass \(option)")
        }
        return language
    }

    private func write(_ units: [TranslationUnit], to path: String, alignment: Alignment) throws {
        let writer: any UnitWriter = path.lowercased().hasSuffix(".tmx")
            ? try TMXWriter(path: path, sourceLanguage: alignment.sourceLanguage)
            : try TSVWriter(path: path, languages: [alignment.sourceLanguage, alignment.targetLanguage])
        for unit in units { try writer.write(unit) }
        try writer.finish()
    }

    private func store(_ units: [TranslationUnit], in path: String) throws {
        let memory = try MemoryLocation.open(path, create: true)
        let origin = "align: \(sourceFile) + \(targetFile)"
        let report = try memory.add(units, origin: origin)
        try FuzzyIndex(memory: memory).update()
        try memory.checkpoint()
        FileHandle.standardError.write(Data("imported into \(path): \(report.added.counted("new unit")), \((units.count - report.added).counted("duplicate"))\n".utf8))
    }

    private func printReadable(_ alignment: Alignment) {
        for bead in alignment.beads {
            let mark = !bead.isPair ? "!" : bead.score < Aligner.doubtfulScore ? "?" : " "
            print("\(mark) \(bead.shape) \(String(format: "%.2f", bead.score))")
            if !bead.source.isEmpty { print("  \(alignment.sourceLanguage): \(alignment.sourceText(of: bead))") }
            if !bead.target.isEmpty { print("  \(alignment.targetLanguage): \(alignment.targetText(of: bead))") }
        }
    }

    private func printSummary(_ alignment: Alignment, kept: Int) {
        let pairs = alignment.beads.filter(\.isPair)
        let doubtful = pairs.filter { $0.score < Aligner.doubtfulScore }.count
        let omissions = alignment.beads.count - pairs.count
        var line = "aligned \(alignment.source.count.counted("sentence")) (\(alignment.sourceLanguage)) with \(alignment.target.count.formatted()) (\(alignment.targetLanguage)): "
        line += "\(pairs.count.counted("pair")), \(doubtful) doubtful, \(omissions.counted("sentence")) without a counterpart"
        if minimumScore > 0 { line += "; \(kept) kept with --min-score \(minimumScore)" }
        // When pairs go into a file or a TM, say which were doubtful or left out, and which
        // sentences had no counterpart: the reader of the summary should not need --json.
        if to != nil || tm != nil {
            let listed = alignment.beads.filter { !$0.isPair || $0.score < max(minimumScore, Aligner.doubtfulScore) }
            for bead in listed.prefix(Self.listedBeads) {
                let what = !bead.isPair ? "no counterpart" : bead.score < minimumScore ? "left out" : "doubtful"
                let text = bead.source.isEmpty ? alignment.targetText(of: bead) : alignment.sourceText(of: bead)
                line += "\n  \(what) (\(bead.shape), \(String(format: "%.2f", bead.score))): \(text.prefix(100))"
            }
            if listed.count > Self.listedBeads { line += "\n  … and \(listed.count - Self.listedBeads) more (--json or --review lists them all)" }
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// How many doubtful beads the summary lists one by one.
    static let listedBeads = 20
}

extension DocumentFormat: ExpressibleByArgument {}
