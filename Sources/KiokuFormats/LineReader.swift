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

    init(path: String) throws(FormatError) {
        self.path = path
        stream = try UTF8Stream(path: path, xml: false)
    }

    /// The next line, or nil at the end of the file.
    func next() throws(FormatError) -> String? {
        while true {
            if let newline = buffer[pos...].firstIndex(of: 0x0A) {
                var end = newline
                if end > pos, buffer[end - 1] == 0x0D { end -= 1 }
                let line = try decode(pos..<end)
                pos = newline + 1
                return line
            }
            if atEnd {
                guard pos < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let line = try decode(pos..<end)
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

    private func decode(_ range: Range<Int>) throws(FormatError) -> String {
        lineNumber += 1
        if buffer[range].contains(0) {
            throw .badEncoding(SourceLocation(file: path, line: lineNumber),
                               "the line has a NUL byte (is this a binary file, or UTF-16 without a BOM?)")
        }
        guard let text = String(validating: buffer[range], as: UTF8.self) else {
            throw .badEncoding(SourceLocation(file: path, line: lineNumber), "the line is not valid UTF-8")
        }
        return text
    }
}
