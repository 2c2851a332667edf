import Foundation
import Testing
import KiokuTestSupport

/// The fuzz targets' seed corpora and every input a fuzzing run once found a problem with
/// (`Fuzz/regressions/TARGET/`), replayed through the normal build of `kioku-fuzz`: each must be
/// read (or refused) without a crash. `scripts/fuzz.sh` runs the coverage-guided search itself.
@Suite struct FuzzReplayTests {
    static let targets = [
        "xml", "tmx", "xliff", "tsv", "csv", "moses", "tbx", "glossary-tsv", "language-tag", "postgres-address", "po", "job-xliff", "server",
        "document-text", "document-markdown", "document-html", "document-docx", "sentences", "align", "index-chunk",
    ]

    @Test(arguments: targets)
    func replays(target: String) throws {
        var inputs: [String] = []
        for folder in ["Fuzz/corpus/\(target)", "Fuzz/regressions/\(target)"] {
            let path = Repository.path(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            inputs += names.sorted().map { path + "/" + $0 }
        }
        #expect(!inputs.isEmpty)
        let result = try KiokuProcess.run(KiokuProcess.built("kioku-fuzz"), [target] + inputs)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("kioku-fuzz \(target): \(inputs.count) inputs replayed"))
    }
}
