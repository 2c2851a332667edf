#if canImport(Glibc)
import Glibc
#endif

/// A buffered UTF-8 writer to a file or standard output.
///
/// Writing to a file goes to `PATH.partial` first and is renamed into place by
/// `close()`, so an interrupted export never leaves a half-written file under the real name.
public final class TextOutput {
    public let path: String
    private let temporaryPath: String?
    private let handle: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []
    private var closed = false

    /// Opens `path` for writing; `-` means standard output.
    public init(path: String) throws(FormatError) {
        self.path = path
        if path == "-" {
            temporaryPath = nil
            guard let out = fdopen(dup(1), "wb") else {
                throw .unwritable(file: "standard output", reason: String(cString: strerror(errno)))
            }
            handle = out
        } else {
            let partial = path + ".partial"
            guard let file = fopen(partial, "wb") else {
                throw .unwritable(file: path, reason: String(cString: strerror(errno)))
            }
            temporaryPath = partial
            handle = file
        }
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        if !closed, let temporaryPath {
            fclose(handle)
            unlink(temporaryPath)
        }
    }

    public func write(_ text: String) throws(FormatError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws(FormatError) {
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        guard written == buffer.count else {
            throw .unwritable(file: path, reason: String(cString: strerror(errno)))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, closes, and moves the finished file into place.
    public func close() throws(FormatError) {
        try flush()
        closed = true
        guard let temporaryPath else { fclose(handle); return }
        guard fclose(handle) == 0, rename(temporaryPath, path) == 0 else {
            throw .unwritable(file: path, reason: String(cString: strerror(errno)))
        }
    }
}
