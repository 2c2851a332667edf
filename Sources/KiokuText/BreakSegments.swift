internal import CICU

/// Walks the segments an ICU break iterator finds in UTF-16 text: each segment's
/// range and rule status (word kind for word breaks). Shared by `Tokenizer` and
/// `SentenceSplitter`.
func forEachBreakSegment(_ iterator: OpaquePointer, in units: UnsafeBufferPointer<UInt16>,
                         _ body: (Range<Int>, Int32) -> Void) {
    var status = kicu_status(KICU_OK)
    kicu_breakSetText(iterator, units.baseAddress, Int32(units.count), &status)
    guard !status.isFailure else { return }
    var start = Int(kicu_breakFirst(iterator))
    while true {
        let end = Int(kicu_breakNext(iterator))
        if end == Int(KICU_BREAK_DONE) || end < 0 { return }
        body(start..<end, kicu_breakRuleStatus(iterator))
        start = end
    }
}
