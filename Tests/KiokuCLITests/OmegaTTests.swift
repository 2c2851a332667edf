import Foundation
import Testing
import KiokuTestSupport

/// The round trip with a real OmegaT (Debian's 3.6, headless): Kioku's export fills an OmegaT
/// project's `tm/auto`, a translator's work (a script) comes back in `project_save.tmx`, and
/// Kioku imports it. Runs when `omegat` is installed (`.ci/run` installs it).
/// Where `omegat` is installed, if it is.
private let omegatExecutable: String? = ["/usr/bin/omegat", "/usr/local/bin/omegat"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

@Suite(.enabled(if: omegatExecutable != nil, "OmegaT is not installed (apt-get install omegat)"))
struct OmegaTTests {
    static var omegat: String? { omegatExecutable }

    static let moscow = "Moscow and Tokyo have still not signed a peace treaty following the end of World War II."
    static let islands = "The key stumbling block remains the seizure of four Japanese islands by the Soviet Union during the last days of the conflict."
    static let decades = "Over the past decades Tokyo repeatedly stressed that a peace treaty with Moscow is linked to handing back control of the territories."
    static let forum = "Vladivostok hosted the Eastern Economic Forum."

    /// An OmegaT project in a new folder: its settings, the article, and `tm/auto` filled from `tm`.
    static func project(tm: String) throws -> URL {
        let project = Scratch.directory()
        for folder in ["source", "target", "tm/auto", "omegat", "glossary", "dictionary"] {
            try FileManager.default.createDirectory(at: project.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let fixtures = Repository.path("Tests/KiokuCLITests/Fixtures/omegat")
        try FileManager.default.copyItem(atPath: fixtures + "/omegat.project", toPath: project.appendingPathComponent("omegat.project").path)
        try FileManager.default.copyItem(atPath: fixtures + "/article.html", toPath: project.appendingPathComponent("source/article.html").path)
        let exported = try KiokuProcess.run(["export", "--tm", tm, "--to", project.appendingPathComponent("tm/auto/kioku.tmx").path, "--langs", "en,ru"])
        #expect(exported.status == 0, "\(exported.errors)")
        return project
    }

    /// OmegaT's console translation of a project, with a script when given. With `level2Tags`,
    /// OmegaT's preferences say what a translator turns on (TM Matches → "Display level 2 tags"
    /// and "Use XML-compliant tags") to have inline codes from other tools' TMX count; by
    /// default OmegaT drops them from every TMX it did not write itself.
    static func translate(_ project: URL, script: String? = nil, level2Tags: Bool = false) throws {
        let configuration = Scratch.directory()
        if level2Tags {
            let preferences = """
                <?xml version="1.0" encoding="UTF-8" ?>
                <omegat><preference version="1.0">
                <ext_tmx_show_level2>true</ext_tmx_show_level2>
                <ext_tmx_use_slash>true</ext_tmx_use_slash>
                </preference></omegat>
                """
            try preferences.write(to: configuration.appendingPathComponent("omegat.prefs"), atomically: true, encoding: .utf8)
        }
        var arguments = ["--mode=console-translate", "--disable-project-locking", "--no-team",
                         "--config-dir=" + configuration.path]
        if let script { arguments.append("--script=" + script) }
        let result = try KiokuProcess.run(URL(fileURLWithPath: omegat!), arguments + [project.path])
        #expect(result.status == 0, "\(result.output.suffix(2000))")
    }

    static func lookup(_ text: String, tm: String, context: String? = nil) throws -> [[String: Any]] {
        let result = try KiokuProcess.run(["lookup", text, "--tm", tm, "--src", "en", "--tgt", "ru", "--json"]
                                          + (context.map { ["--context", $0] } ?? []))
        let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        return json?["matches"] as? [[String: Any]] ?? []
    }

    @Test func aTranslatorsWorkComesBackFromOmegaTWithoutLosses() throws {
        let tm = Scratch.tmPath()
        #expect(try KiokuProcess.run(["import", Repository.sample("seed-summit.tmx"), "--tm", tm]).status == 0)
        let project = try Self.project(tm: tm)
        try Self.translate(project, script: Repository.path("Tests/KiokuCLITests/Fixtures/omegat/translate.groovy"))
        let saved = project.appendingPathComponent("omegat/project_save.tmx").path
        #expect(FileManager.default.fileExists(atPath: saved))

        let imported = try KiokuProcess.run(["import", saved, "--tm", tm, "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(imported.output.utf8)) as? [String: Any])
        // OmegaT gives back the revision, the tagged segment and the alternative as new units;
        // the two sentences it took from tm/auto unchanged are already in the TM.
        #expect(report["added"] as? Int == 3, "\(report)")
        #expect(report["duplicates"] as? Int == 2, "\(report)")
        #expect(report["skipped"] as? Int == 0, "\(report)")

        // 1. The revision ranks first, with its date and its author.
        let revised = try Self.lookup(Self.moscow, tm: tm)
        #expect(revised.first?["target"] as? String == "Москва и Токио так и не подписали мирный договор после окончания Второй мировой войны.")
        let target = revised.first?["targetMetadata"] as? [String: Any]
        #expect((target?["changeDate"] as? String ?? "") > "2026")
        #expect(target?["changeUser"] != nil)
        #expect(revised.count == 2)
        // 2. No sentence comes back twice.
        #expect(try Self.lookup(Self.islands, tm: tm).count == 1)
        // 3. The tagged segment matches at 100.
        #expect(try Self.lookup(Self.forum, tm: tm).first?["score"] as? Int == 100)
        // 4. OmegaT's previous segment is a context: 101.
        let alternative = try Self.lookup(Self.decades, tm: tm, context: Self.forum)
        #expect(alternative.first?["score"] as? Int == 101)
        #expect(alternative.first?["target"] as? String == "Токио десятилетиями повторял, что мирный договор с Москвой связан с возвращением территорий.")

        // And back again: in a new project, OmegaT applies the alternative in its context from
        // Kioku's export (it keeps OmegaT's file/prev/next properties), the revision, and the
        // tagged segment, whose inline codes Kioku writes as <bpt>/<ept>.
        let next = try Self.project(tm: tm)
        try Self.translate(next, level2Tags: true)
        let article = try String(contentsOf: next.appendingPathComponent("target/article.html"), encoding: .utf8)
        #expect(article.contains("Токио десятилетиями повторял"), "\(article)")
        #expect(article.contains("Москва и Токио так и не подписали"), "\(article)")
        #expect(article.contains("<b>Владивосток</b> принял Восточный экономический форум."), "\(article)")
    }
}
