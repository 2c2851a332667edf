import Testing
@testable import KiokuFormats

/// A filled target carries exactly the job source's tags: each TM target code is matched to
/// the TM source code it stands for, then to the job's code in the same place.
@Suite struct InlineCodeTransferTests {
    /// A segment with TMX markup as Kioku stores what it read from XLIFF.
    func xliff(_ text: String, _ markup: String) -> Segment { Segment(text: text, markup: markup) }

    let tmSource = Segment(text: "Click Save to keep  changes.", markup:
        #"Click <bpt i="1">&lt;g id="1"&gt;</bpt>Save<ept i="1">&lt;/g&gt;</ept> to keep <ph>&lt;x id="2"/&gt;</ph> changes."#)
    let tmTarget = Segment(text: "Чтобы сохранить  изменения, нажмите Сохранить.", markup:
        #"Чтобы сохранить <ph>&lt;x id="2"/&gt;</ph> изменения, нажмите <bpt i="1">&lt;g id="1"&gt;</bpt>Сохранить<ept i="1">&lt;/g&gt;</ept>."#)
    let job = Segment(text: "Click Save to keep  changes.", markup:
        #"Click <bpt i="1">&lt;g id="7" ctype="bold"&gt;</bpt>Save<ept i="1">&lt;/g&gt;</ept> to keep <ph>&lt;x id="8"/&gt;</ph> changes."#)

    @Test func theJobsOwnCodesReplaceTheTMsEvenReordered() throws {
        let placed = try #require(InlineCodeTransfer.transfer(tmSource: tmSource, tmTarget: tmTarget, jobSource: job))
        #expect(JobDocument.xml(placed.target) == #"Чтобы сохранить <x id="8"/> изменения, нажмите <g id="7" ctype="bold">Сохранить</g>."#)
        #expect(JobDocument.xml(placed.source) == #"Click <g id="7" ctype="bold">Save</g> to keep <x id="8"/> changes."#)
        // Never one lost or invented: the target's codes are the job's, as a multiset.
        let codes = { (pieces: [InlinePiece]) in pieces.compactMap { if case .code(let c) = $0 { c.native } else { nil } }.sorted() }
        #expect(codes(placed.target) == job.codes.map(\.native).sorted())
    }

    @Test func nothingIsPlacedWhenCodesWouldBeLostOrInvented() {
        let plainJob = Segment(text: "Click Save to keep changes.")
        // The job has no codes but the TM target has: filling would invent tags.
        #expect(InlineCodeTransfer.transfer(tmSource: tmSource, tmTarget: tmTarget, jobSource: plainJob) == nil)
        // The job has codes but the TM has none: they would be lost.
        #expect(InlineCodeTransfer.transfer(tmSource: Segment(text: "Click Save."), tmTarget: Segment(text: "Нажмите."), jobSource: job) == nil)
        // A TM target that lost one of its source's codes.
        let short = Segment(text: "Нажмите Сохранить.", markup: #"Нажмите <bpt i="1">&lt;g id="1"&gt;</bpt>Сохранить<ept i="1">&lt;/g&gt;</ept>."#)
        #expect(InlineCodeTransfer.transfer(tmSource: tmSource, tmTarget: short, jobSource: job) == nil)
        // Codes of another kind in the same place (a placeholder where the job has a pair).
        let other = Segment(text: "Click Save", markup: #"Click <ph>&lt;x id="1"/&gt;</ph>Save<ph>&lt;x id="3"/&gt;</ph> to keep <ph>&lt;x id="2"/&gt;</ph> changes."#)
        #expect(InlineCodeTransfer.transfer(tmSource: other, tmTarget: tmTarget, jobSource: job) == nil)
    }

    @Test func plainSegmentsPassThroughAndTheTMSourcesCodesAreNotShown() throws {
        let placed = try #require(InlineCodeTransfer.transfer(tmSource: tmSource, tmTarget: Segment(text: "Нажмите «Сохранить»."),
                                                              jobSource: Segment(text: "Click Save to keep changes.")))
        #expect(placed.target == [.text("Нажмите «Сохранить».")])
        #expect(JobDocument.xml(placed.source) == "Click Save to keep  changes.")
    }

    @Test func piecesSplitTMXMarkupIntoTextAndCodes() {
        let pieces = Segment(text: "a b", markup: #"a <bpt i="1" x="4">{\b}</bpt>b<ept i="1">}</ept> &amp; <ph>&lt;br/&gt;</ph>"#).pieces
        #expect(pieces.count == 6)
        guard case .code(let open) = pieces[1], case .code(let close) = pieces[3], case .code(let ph) = pieces[5] else {
            Issue.record("codes expected"); return
        }
        #expect((open.role, open.pair, open.x, open.native) == (.opening, "1", "4", #"{\b}"#))
        #expect((close.role, close.pair) == (.closing, "1"))
        #expect((ph.role, ph.native) == (.isolated, "<br/>"))
        #expect(pieces[4] == .text(" & "))
    }
}
