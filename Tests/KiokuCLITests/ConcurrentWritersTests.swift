import Foundation
import Testing
import KiokuTestSupport

/// Two writers at once on one TM: SQLite's write lock makes the second wait, never corrupt or
/// lose anything; the index follows both (issue 14).
@Suite struct ConcurrentWritersTests {
    /// A TSV of `count` EN–RU pairs, each naming `tag` so the two files never share a unit.
    func corpus(_ tag: String, _ count: Int) -> String {
        var text = "en\tru\n"
        for index in 0..<count {
            text += "Sentence \(index) of batch \(tag) about the summit in Vladivostok.\tПредложение \(index) из пакета \(tag) о саммите во Владивостоке.\n"
        }
        return Scratch.file("\(tag).tsv", text)
    }

    @Test func twoImportsIntoOneTMAtOnceBothLandWhole() async throws {
        let tm = Scratch.tmPath()
        #expect(try KiokuProcess.run(["import", Repository.sample("seed-summit.tmx"), "--tm", tm]).status == 0)
        let first = corpus("alpha", 10_000), second = corpus("beta", 10_000)
        async let a = Task.detached { try KiokuProcess.run(["import", first, "--tm", tm]) }.value
        async let b = Task.detached { try KiokuProcess.run(["import", second, "--tm", tm]) }.value
        let (one, two) = try await (a, b)
        #expect(one.status == 0, "\(one.errors)")
        #expect(two.status == 0, "\(two.errors)")
        let stats = try KiokuProcess.run(["stats", "--tm", tm, "--json"])
        let units = (try JSONSerialization.jsonObject(with: Data(stats.output.utf8)) as? [String: Any])?["units"] as? Int
        #expect(units == 25 + 20_000)
        let verify = try KiokuProcess.run(["verify", "--tm", tm, "--sample", "3"])
        #expect(verify.status == 0, "\(verify.output)")
        for (tag, index) in [("alpha", 9_999), ("beta", 0)] {
            let lookup = try KiokuProcess.run(["lookup", "Sentence \(index) of batch \(tag) about the summit in Vladivostok.", "--tm", tm,
                                               "--src", "en", "--tgt", "ru", "--max", "1"])
            #expect(lookup.output.hasPrefix("100%") && lookup.output.contains("Предложение \(index) из пакета \(tag)"), "\(lookup.output)")
        }
    }
}
