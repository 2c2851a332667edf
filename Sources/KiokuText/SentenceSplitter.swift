internal import CICU

/// Splits running text into sentences with ICU's sentence break rules
/// (handles `。`, `！`, `?`, closing quotes after the full stop, and so on).
///
/// No command uses it yet: it is the base the document aligner will refine (abbreviations,
/// initials and quotes in news text need rules of their own).
public final class SentenceSplitter {
    private let iterator: OpaquePointer

    public init(language: LanguageTag) throws {
        var status = kicu_status(KICU_OK)
        let handle = kicu_breakOpen(KICU_SENTENCE_BREAKS, language.identifier, &status)
        guard !status.isFailure, let handle else { throw ICUError("opening a sentence break iterator", status) }
        iterator = handle
    }

    deinit { kicu_breakClose(iterator) }

    /// The sentences of `text`, trimmed; blank pieces are dropped.
    public func sentences(_ text: String) -> [String] {
        let units = Array(text.utf16)
        var result: [String] = []
        units.withUnsafeBufferPointer { buffer in
            forEachBreakSegment(iterator, in: buffer) { range in
                let sentence = String(decoding: buffer[range], as: UTF16.self).trimmingWhitespace()
                if !sentence.isEmpty { result.append(sentence) }
            }
        }
        return result
    }
}

/// Walks the segments an ICU break iterator finds in UTF-16 text.
private func forEachBreakSegment(_ iterator: OpaquePointer, in units: UnsafeBufferPointer<UInt16>, _ body: (Range<Int>) -> Void) {
    var status = kicu_status(KICU_OK)
    kicu_breakSetText(iterator, units.baseAddress, Int32(units.count), &status)
    guard !status.isFailure else { return }
    var start = Int(kicu_breakFirst(iterator))
    while true {
        let end = Int(kicu_breakNext(iterator))
        if end == Int(KICU_BREAK_DONE) || end < 0 { return }
        body(start..<end)
        start = end
    }
}
