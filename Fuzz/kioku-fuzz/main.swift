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
import KiokuText

/// The targets by name: each takes bytes and must return normally whatever they are.
let targets: [String: (Data) -> Void] = [
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
