import Foundation

/// Files of Linux's `/proc`, read to their end: such files report a size of 0, so reading as
/// many bytes as the size says (Foundation's `String(contentsOfFile:)`) reads nothing.
public enum ProcFile {
    /// The file's text, nil where the system has no such file.
    public static func read(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return nil }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A process's state letter (`R` running, `S` sleeping, `D` in the kernel, `T` stopped…),
    /// nil when it is gone.
    public static func state(of process: pid_t) -> Character? {
        guard let stat = read("/proc/\(process)/stat"), let end = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: end)...].first { $0 != " " }
    }
}
