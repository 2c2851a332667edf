import Foundation

/// How much of a file this process holds mapped and resident, read from `/proc/self/smaps`
/// (Linux): what a memory map adds to the process's RSS.
public enum MappedPages {
    /// The resident bytes of every mapping of `path` in this process; nil where the system
    /// does not say (no `/proc`).
    public static func residentBytes(of path: String) -> Int? {
        guard let smaps = ProcFile.read("/proc/self/smaps") else { return nil }
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var inTarget = false, kilobytes = 0
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let first = fields.first, first.contains("-"), first.allSatisfy({ $0.isHexDigit || $0 == "-" }) {
                inTarget = fields.count >= 6 && fields[5...].joined(separator: " ") == target
            } else if inTarget, fields.first == "Rss:", fields.count >= 2, let value = Int(fields[1]) {
                kilobytes += value
            }
        }
        return kilobytes * 1024
    }
}
