import Foundation

/// Bytes to text for the document readers: UTF-8 (a BOM is dropped) or UTF-16 with a BOM.
/// Anything else — NUL bytes in UTF-8, bytes that are not UTF-8 — is refused with the line
/// where it starts, because aligning garbage would silently fill a TM with it.
enum DocumentText {
    static func decode(_ data: Data, file: String) throws(AlignError) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let bigEndian = bytes[0] == 0xFE
            let body = bytes.dropFirst(2)
            guard body.count % 2 == 0 else { throw .notText(file: file, line: 1, reason: "UTF-16 text with an odd number of bytes") }
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var index = body.startIndex
            while index < body.endIndex {
                let first = UInt16(body[index]), second = UInt16(body[index + 1])
                units.append(bigEndian ? first << 8 | second : second << 8 | first)
                index += 2
            }
            var text = ""
            var line = 1
            var iterator = units.makeIterator()
            var decoder = UTF16()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar):
                    if scalar == "\0" { throw .notText(file: file, line: line, reason: "it holds NUL characters (a binary file?)") }
                    if scalar == "\n" { line += 1 }
                    text.unicodeScalars.append(scalar)
                case .emptyInput: break loop
                case .error: throw .notText(file: file, line: line, reason: "a broken UTF-16 surrogate pair")
                }
            }
            return text
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        if let nul = body.firstIndex(of: 0) {
            throw .notText(file: file, line: line(of: nul, in: body), reason: "it holds NUL bytes (a binary file, or UTF-16 without a byte-order mark?)")
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw .notText(file: file, line: firstInvalidLine(body), reason: "the bytes are not UTF-8 (save the file as UTF-8 or UTF-16 with a BOM)")
        }
        return text
    }

    private static func line(of index: Int, in bytes: ArraySlice<UInt8>) -> Int {
        1 + bytes[bytes.startIndex..<index].lazy.filter { $0 == 0x0A }.count
    }

    /// The line of the first byte sequence that is not UTF-8.
    private static func firstInvalidLine(_ bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var lineStart = bytes.startIndex
        for index in bytes.indices where bytes[index] == 0x0A {
            if String(validating: bytes[lineStart..<index], as: UTF8.self) == nil { return line }
            line += 1
            lineStart = index + 1
        }
        return line
    }
}
