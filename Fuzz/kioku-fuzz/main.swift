// Fuzz targets for the readers a user's bytes reach (see scripts/fuzz.sh).
//
//   kioku-fuzz TARGET FILE…          replay: run TARGET over each file (a normal build; what the
//                                     regression test does with the saved inputs)
//   kioku-fuzz TARGET [libFuzzer options]   (built by scripts/fuzz.sh with -sanitize=fuzzer,address
//                                     and -DKIOKU_FUZZ: coverage-guided search)
//
// A target must never crash, hang or allocate without bound on any input; errors are fine.
import Foundation
import KiokuAlign
import KiokuFormats
import KiokuMatch
import KiokuMemory
import KiokuPostgres
import KiokuTerms
import KiokuText

/// The readers take paths: each input is written to one scratch file (per process and name).
let scratch = FuzzScratch.folder
func file(_ name: String, _ data: Data) -> String {
    let path = scratch.appendingPathComponent(name).path
    // Written in place (not atomically: no temporary file and rename per input).
    try? data.write(to: URL(fileURLWithPath: path))
    return path
}

/// Reads every item of a reader, stopping at its first error.
func drain(_ open: () throws -> any UnitReader) {
    guard let reader = try? open() else { return }
    while let item = try? reader.next() { _ = item }
}

/// Pre-translates every segment of a job file with its own source (codes included) and a
/// candidate; the copy must read back as the same kind of file with the same segments. A
/// copy that does not is a writer bug, and stops the fuzzer.
func pretranslateEverySegment(_ path: String) {
    guard let document = try? JobDocument.read(path: path, sourceLanguage: .english, targetLanguage: .russian) else { return }
    var fills: [Int: SegmentFill] = [:]
    for (index, segment) in document.segments.enumerated() {
        let candidate = FillCandidate(score: 90, origin: "fuzz & <tm>", source: segment.source, placed: nil, storedTarget: segment.source)
        fills[index] = SegmentFill(target: segment.source.pieces, quality: index % 2 == 0 ? .exactMatch : .fuzzyMatch, score: 100,
                                   origin: "fuzz", candidates: [candidate], notes: ["note \"1\" & <2>\n"])
    }
    let copy = file("copy." + (path as NSString).pathExtension, Data(document.patched(fills: fills).utf8))
    do {
        let again = try JobDocument.read(path: copy, sourceLanguage: .english, targetLanguage: .russian)
        guard again.segments.map(\.source) == document.segments.map(\.source) else {
            fatalError("the pre-translated copy has other segments than the original")
        }
    } catch {
        fatalError("the pre-translated copy cannot be read back: \(error)")
    }
}

/// The targets by name: each takes bytes and must return normally whatever they are.
let targets: [String: (Data) -> Void] = [
    "xml": { data in
        guard let parser = try? XMLPullParser(path: file("fuzz.xml", data)) else { return }
        while let event = try? parser.next() { _ = event }
    },
    "tmx": { data in drain { try TMXReader(path: file("fuzz.tmx", data)) } },
    "xliff": { data in drain { try XLIFFReader(path: file("fuzz.xlf", data), sourceLanguage: .english, targetLanguage: .russian) } },
    "tsv": { data in
        drain { try DelimitedReader(path: file("fuzz.tsv", data), dialect: .tsv) }
        drain { try DelimitedReader(path: file("fuzz.tsv", data), dialect: .tsv, languages: [.english, .russian]) }
    },
    "csv": { data in drain { try DelimitedReader(path: file("fuzz.csv", data), dialect: .csv) } },
    "moses": { data in
        // Two files: the bytes before the first 0x01 and those after it.
        let parts = data.split(separator: 1, maxSplits: 1, omittingEmptySubsequences: false)
        let source = file("fuzz.en", Data(parts[0])), target = file("fuzz.ru", parts.count > 1 ? Data(parts[1]) : Data())
        drain { try MosesReader(sourcePath: source, targetPath: target, sourceLanguage: .english, targetLanguage: .russian) }
    },
    "po": { data in
        drain { try POReader(path: file("fuzz.po", data), targetLanguage: .russian) }
        pretranslateEverySegment(file("fuzz.po", data))
    },
    "job-xliff": { data in pretranslateEverySegment(file("fuzz.xlf", data)) },
    "tbx": { data in _ = try? GlossaryFile.read(path: file("fuzz.tbx", data)) },
    "glossary-tsv": { data in _ = try? GlossaryFile.read(path: file("fuzz.tsv", data)) },
    "server": { data in ServerRequests.run(data) },
    // A saved chunk of the fuzzy index, as read from a TM file or a database that may be damaged.
    "index-chunk": { data in _ = ChunkBlobProbe.reads(Array(data)) },
    "language-tag": { data in _ = LanguageTag(String(decoding: data, as: UTF8.self)) },
    "postgres-address": { data in
        // A --db URL: parsed or refused; what Kioku shows of it never carries the password.
        let text = String(decoding: data, as: UTF8.self)
        _ = PostgresAddress.redacted(text)
        do throws(PostgresAddressError) {
            let address = try PostgresAddress(text, environment: [:])
            var withoutPassword = address
            withoutPassword.password = nil
            precondition(address.description == withoutPassword.description)
        } catch {
            _ = error.description
        }
    },
    "unit-ids": { data in
        // Every id read is positive; a list that is refused names a line of the input.
        let text = String(decoding: data, as: UTF8.self)
        do throws(UnitIDList.Problem) {
            let ids = try UnitIDList.parse(text)
            precondition(ids.allSatisfy { $0.rawValue > 0 })
        } catch {
            precondition(error.line >= 1 && error.line <= text.split(separator: "\n", omittingEmptySubsequences: false).count)
        }
    },
    "document-text": { data in _ = try? DocumentReader.read(data: data, name: "fuzz.txt", language: .english, format: .text) },
    "document-markdown": { data in _ = try? DocumentReader.read(data: data, name: "fuzz.md", language: .english, format: .markdown) },
    "document-html": { data in _ = try? DocumentReader.read(data: data, name: "fuzz.html", language: .english, format: .html) },
    "document-docx": { data in _ = try? DocumentReader.read(data: data, name: "fuzz.docx", language: .english, format: .docx) },
    "sentences": { data in
        let text = String(decoding: data, as: UTF8.self)
        for language in [LanguageTag.english, .russian, .japanese] { _ = SentenceSplitter(language: language).sentences(text) }
    },
    "align": { data in
        // The first line is one side, the rest the other; both as paragraphs a line.
        let text = String(decoding: data, as: UTF8.self)
        let parts = text.split(separator: "\u{1}", maxSplits: 1, omittingEmptySubsequences: false)
        let source = AlignDocument(name: "a", language: .english, text: String(parts[0]))
        let target = AlignDocument(name: "b", language: .russian, text: parts.count > 1 ? String(parts[1]) : "")
        _ = try? Aligner().align(source, target)
    },
]

let arguments = CommandLine.arguments
guard arguments.count >= 2, let body = targets[arguments[1]] else {
    FileHandle.standardError.write(Data("usage: kioku-fuzz TARGET [FILE…]; targets: \(targets.keys.sorted().joined(separator: ", "))\n".utf8))
    exit(2)
}

#if KIOKU_FUZZ
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

nonisolated(unsafe) var selected: (Data) -> Void = body

/// libFuzzer's own entry point (its driver refers to it); the same as the callback below.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    selected(bytes.map { Data(bytes: $0, count: size) } ?? Data())
    return 0
}

// libFuzzer sees the arguments after the target's name.
var fuzzerArguments = [arguments[0]] + arguments.dropFirst(2)
var pointers: [UnsafeMutablePointer<CChar>?] = fuzzerArguments.map { strdup($0) } + [nil]
var count = CInt(fuzzerArguments.count)
exit(pointers.withUnsafeMutableBufferPointer { buffer in
    var base = buffer.baseAddress
    return runFuzzerDriver(&count, &base) { bytes, size in fuzzOne(bytes, size) }
})
#else
for path in arguments.dropFirst(2) {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("kioku-fuzz: cannot read \(path)\n".utf8))
        exit(2)
    }
    body(data)
}
print("kioku-fuzz \(arguments[1]): \(arguments.count - 2) inputs replayed")
#endif
