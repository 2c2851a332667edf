import Foundation
import Testing
import KiokuTestSupport

/// A disk that fills up during an import: the user is told the truth. Either nothing of the
/// import was kept (exit 2, the TM as it was, the space it took given back), or the units
/// landed and only the work after them (indexing, folding the write-ahead log into the file)
/// stopped — then the import succeeds with a warning that says so. The disk is a small tmpfs,
/// which needs root to mount: CI runs as root; elsewhere the suite is disabled.
@Suite(.enabled(if: SmallDisk.canMount, "mounting a small tmpfs needs root"))
struct DiskFullTests {
    /// 10,000 EN–RU pairs of varied text (about 5 MB as a TM with its index).
    static let corpus: String = {
        let places = ["Tokyo", "Moscow", "Vladivostok", "Sakhalin", "Kuril", "Osaka", "Nagasaki", "Khabarovsk"]
        let russian = ["Токио", "Москва", "Владивосток", "Сахалин", "Курилы", "Осака", "Нагасаки", "Хабаровск"]
        var lines = ["en\tru"]
        for number in 0..<10_000 {
            let place = number % places.count, other = (number / 8) % places.count
            lines.append("Delegation \(number) travelled from \(places[place]) to \(places[other]) for talks on trade, fishing and energy in round \(number * 7 % 1000).\t"
                + "Делегация \(number) отправилась из \(russian[place]) в \(russian[other]) на переговоры о торговле, рыболовстве и энергетике в раунде \(number * 7 % 1000).")
        }
        return Scratch.file("corpus.tsv", lines.joined(separator: "\n") + "\n")
    }()

    func units(_ tm: String) throws -> String {
        try KiokuProcess.run(["stats", "--tm", tm]).output.split(separator: "\n").first.map(String.init) ?? ""
    }

    @Test func anImportOntoAFillingDiskKeepsAllOrNothingAndSaysWhich() throws {
        let seed = Scratch.tmPath()
        #expect(try KiokuProcess.run(["import", Repository.sample("seed-summit.tmx"), "--tm", seed]).status == 0)
        var outcomes: Set<String> = []
        for megabytes in [2, 6, 32] {
            let point = Scratch.directory().path
            try SmallDisk.mount(point, megabytes: megabytes)
            defer { SmallDisk.unmount(point) }
            let tm = point + "/t.kioku"
            try FileManager.default.copyItem(atPath: seed, toPath: tm)
            let result = try KiokuProcess.run(["import", Self.corpus, "--tm", tm])
            let verify = try KiokuProcess.run(["verify", "--tm", tm])
            #expect(verify.status == 0, "\(megabytes) MB: \(verify.output)\(verify.errors)")
            if result.status == 2 {
                outcomes.insert("rolled back")
                #expect(result.errors.contains("the disk is full; nothing of this write was kept. Free some disk space"), "\(megabytes) MB: \(result.errors)")
                #expect(try units(tm).contains(": 25 units"), "\(megabytes) MB")
                // What the rolled-back write took is given back: only the TM file is left.
                let files = try FileManager.default.contentsOfDirectory(atPath: point).filter { $0 != "t.kioku" && $0 != "t.kioku-shm" }
                let leftover = try files.reduce(0) { $0 + ((try FileManager.default.attributesOfItem(atPath: point + "/" + $1)[.size] as? Int) ?? 0) }
                #expect(leftover == 0, "\(megabytes) MB: \(files) hold \(leftover) bytes")
            } else {
                #expect(result.status == 0, "\(megabytes) MB: \(result.errors)")
                #expect(try units(tm).contains(": 10,025 units"), "\(megabytes) MB")
                #expect(result.output.contains("10,000 units added"))
                // Lookups answer from the whole index even when it cannot be saved.
                let lookup = try KiokuProcess.run(["lookup", "Delegation 9999 travelled from Khabarovsk to Moscow for talks on trade, fishing and energy in round 993.",
                                                   "--tm", tm, "--src", "en", "--tgt", "ru", "--max", "1"])
                #expect(lookup.status == 0 && lookup.output.hasPrefix("100%"), "\(megabytes) MB: \(lookup.output)\(lookup.errors)")
                if result.errors.contains("warning") {
                    outcomes.insert("landed, index behind")
                    #expect(result.errors.contains("the units above are in") && result.errors.contains("the disk filled up"), "\(result.errors)")
                } else {
                    outcomes.insert("landed")
                    #expect(result.errors.isEmpty, "\(megabytes) MB: \(result.errors)")
                }
            }
        }
        // 2 MB cannot hold the units, 6 MB holds them but not their index, 32 MB holds all.
        #expect(outcomes == ["rolled back", "landed, index behind", "landed"], "\(outcomes)")
    }
}
