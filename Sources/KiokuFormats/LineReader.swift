#if canImport(Glibc)
import Glibc
#endif

/// Reads a text file line by line as validated UTF-8 (BOM and UTF-16 handled by
/// `UTF8Stream`); line ends are LF or CRLF and are not part of the line.
final class LineReader {
    let path: String
    /// The 1-based number of the last line returned.
    private(set) var lineNumber = 0
    private let stream: UTF8Stream
    private var buffer: [UInt8] = []
    private var pos = 0
    private var atEnd = false

    var progress: ReadProgress { stream.progress }

    init(path: String) throws(FormatError) {
        self.path = path
        stream = try UTF8Stream(path: path, xml: false)
    }

    /// The next line, or nil at the end of the file.
    func next() throws(FormatError) -> String? {
        guard let bytes = try nextBytes() else { return nil }
        return try string(bytes)
    }

    /// The next line's bytes (NUL-free, not yet validated), or nil at the end of the file.
    func nextBytes() throws(FormatError) -> ArraySlice<UInt8>? {
        while true {
            if let newline = Self.index(of: 0x0A, in: buffer, from: pos) {
                var end = newline
                if end > pos, buffer[end - 1] == 0x0D { end -= 1 }
                let line = try checked(pos..<end)
                pos = newline + 1
                return line
            }
            if atEnd {
                guard pos < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let line = try checked(pos..<end)
                pos = buffer.count
                return line
            }
            if pos > 0 {
                buffer.removeSubrange(0..<pos)
                pos = 0
            }
            if !(try stream.read(into: &buffer, linesSoFar: self.lineNumber + 1)) { atEnd = true }
        }
    }

    private func checked(_ range: Range<Int>) throws(FormatError) -> ArraySlice<UInt8> {
        lineNumber += 1
        if Self.index(of: 0, in: buffer, from: range.lowerBound, to: range.upperBound) != nil {
            throw .badEncoding(SourceLocation(file: path, line: lineNumber),
                               "the line has a NUL byte (is this a binary file, or UTF-16 without a BOM?)")
        }
        return buffer[range]
    }

    /// Validates a piece of the current line as UTF-8.
    func string(_ bytes: ArraySlice<UInt8>) throws(FormatError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .badEncoding(SourceLocation(file: path, line: lineNumber), "the line is not valid UTF-8")
        }
        return text
    }

    /// memchr over `bytes[from..<to]`.
    static func index(of byte: UInt8, in bytes: [UInt8], from: Int, to: Int? = nil) -> Int? {
        let end = to ?? bytes.count
        guard from < end else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let hit = memchr(base + from, Int32(byte), end - from) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
    }
}
