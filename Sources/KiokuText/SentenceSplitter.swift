internal import CICU

/// Splits running text into sentences with ICU's sentence break rules
/// (handles `。`, `！`, `?`, closing quotes after the full stop, and so on).
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
            forEachBreakSegment(iterator, in: buffer) { range, _ in
                let sentence = String(decoding: buffer[range], as: UTF16.self).trimmingWhitespace()
                if !sentence.isEmpty { result.append(sentence) }
            }
        }
        return result
    }
}

extension String {
    /// The string without leading and trailing white space of any script (incl. U+3000, NBSP).
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
