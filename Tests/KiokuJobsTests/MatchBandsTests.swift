import Testing
import KiokuJobs

@Suite struct MatchBandsTests {
    @Test func theStandardBandsAreTheCATToolsOnes() {
        let bands = MatchBands.standard
        #expect(bands.names == ["context (101%)", "repetitions", "100%", "95–99%", "85–94%", "75–84%", "50–74%", "no match"])
        #expect([101, 100, 99, 95, 94, 85, 84, 75, 74, 50, 49].map { bands.band(for: $0) }
            == ["context (101%)", "100%", "95–99%", "95–99%", "85–94%", "85–94%", "75–84%", "75–84%", "50–74%", "50–74%", "no match"])
        #expect(bands.band(for: nil) == "no match")
        #expect(bands.minimum == 50)
    }

    @Test func bandsAreConfigurableInAnyOrder() throws {
        let bands = try MatchBands([70, 100, 90])
        #expect(bands.names == ["context (101%)", "repetitions", "100%", "90–99%", "70–89%", "no match"])
        #expect(bands.band(for: 69) == "no match")
        #expect(try MatchBands([100]).names == ["context (101%)", "repetitions", "100%", "no match"])
    }

    @Test func badBandsAreRefused() {
        #expect(throws: JobError.self) { try MatchBands([]) }
        #expect(throws: JobError.self) { try MatchBands([100, 0]) }
        #expect(throws: JobError.self) { try MatchBands([101]) }
        #expect(throws: JobError.self) { try MatchBands([90, 90]) }
    }
}
