extension StringProtocol {
    /// The first occurrence of `needle` at or after `start` (the whole string by default),
    /// comparing characters; Foundation's `range(of:)` without importing Foundation.
    public func firstRange(of needle: String, from start: Index? = nil) -> Range<Index>? {
        guard !needle.isEmpty else { return nil }
        var index = start ?? startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) {
                return index..<self.index(index, offsetBy: needle.count)
            }
            index = self.index(after: index)
        }
        return nil
    }
}
