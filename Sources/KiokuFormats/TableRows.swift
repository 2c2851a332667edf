/// Rows of a TSV or CSV file, streamed: fields split on tabs (TSV) or by RFC 4180
/// (CSV: quoted fields, doubled quotes, line breaks inside quotes), each field
/// validated as UTF-8. Used by the unit reader and by glossary readers.
public final class TableRows {
    public let path: String
    public let dialect: DelimitedReader.Dialect
    private let lines: LineReader
    private let width: Int

    public init(path: String, dialect: DelimitedReader.Dialect? = nil, width: Int = 2) throws(FormatError) {
        self.path = path
        self.dialect = dialect ?? DelimitedReader.Dialect(path: path)
        self.width = width
        lines = try LineReader(path: path)
    }

    public var progress: ReadProgress { lines.progress }

    /// The next row's fields and the line it starts on; nil at the end of the file.
    public func next() throws(FormatError) -> (fields: [String], line: Int)? {
        guard let bytes = try lines.nextBytes() else { return nil }
        let start = lines.lineNumber
        switch dialect {
        case .tsv:
            var fields: [String] = []
            fields.reserveCapacity(width)
            var fieldStart = bytes.startIndex
            for index in bytes.indices where bytes[index] == 0x09 {
                fields.append(try lines.string(bytes[fieldStart..<index]))
                fieldStart = index + 1
            }
            fields.append(try lines.string(bytes[fieldStart..<bytes.endIndex]))
            return (fields, start)
        case .csv:
            return (try parseCSV(try lines.string(bytes), startLine: start), start)
        }
    }

    /// RFC 4180 fields, pulling more lines while a quoted field is open.
    private func parseCSV(_ first: String, startLine: Int) throws(FormatError) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var fieldStarted = false
        var line = first
        while true {
            var iterator = line.makeIterator()
            while let character = iterator.next() {
                if quoted {
                    if character == "\"" {
                        var lookahead = iterator
                        if lookahead.next() == "\"" {
                            field.append("\"")
                            iterator = lookahead
                        } else {
                            quoted = false
                        }
                    } else {
                        field.append(character)
                    }
                } else if character == "," {
                    fields.append(field); field = ""; fieldStarted = false
                } else if character == "\"" && !fieldStarted {
                    quoted = true; fieldStarted = true
                } else {
                    field.append(character); fieldStarted = true
                }
            }
            if !quoted { break }
            guard let more = try lines.next() else {
                throw .invalidTable(SourceLocation(file: path, line: startLine), "a quoted CSV field opened here is never closed")
            }
            field.append("\n")
            line = more
        }
        fields.append(field)
        return fields
    }
}
