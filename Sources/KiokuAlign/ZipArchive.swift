internal import CInflate

/// Reads files out of a zip archive held in memory (a .docx), trusting nothing in it: the
/// directory is found from the end record, every entry's data must lie inside the bytes, and
/// inflating stops at a size limit or at the end of the input, whichever comes first.
///
/// Kioku reads zips itself because fuzzing ZIPFoundation 0.9.20 found it hanging forever on a
/// truncated deflate stream and leaking on every archive it opens.
struct ZipArchive {
    struct Entry {
        var name: String
        var method: UInt16
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var localHeaderOffset: UInt64
    }

    enum Problem: Error, Equatable, CustomStringConvertible {
        case notAZip
        case damaged(String)
        case unsupportedMethod(UInt16)
        case tooLarge(limit: Int)

        var description: String {
            switch self {
            case .notAZip: "it is not a zip archive (a .doc, or not a Word file at all?)"
            case .damaged(let what): "the zip archive is damaged (\(what))"
            case .unsupportedMethod(let method): "a part is compressed with method \(method), which Kioku cannot read (only stored and deflate)"
            case .tooLarge(let limit): "a part unpacks to more than \(limit >> 20) MB"
            }
        }
    }

    let bytes: [UInt8]
    let entries: [Entry]

    init(_ bytes: [UInt8]) throws(Problem) {
        self.bytes = bytes
        entries = try Self.directory(of: bytes)
    }

    /// The contents of the entry named `name`, or nil when there is none.
    func contents(of name: String, limit: Int) throws(Problem) -> [UInt8]? {
        guard let entry = entries.first(where: { $0.name == name }) else { return nil }
        let local = Int(exactly: entry.localHeaderOffset) ?? Int.max
        guard local <= bytes.count - 30, Self.signature(bytes, local, 0x04034B50) else { throw .damaged("a part's local header is missing") }
        let start = local + 30 + Int(Self.little16(bytes, local + 26)) + Int(Self.little16(bytes, local + 28))
        guard start <= bytes.count, entry.compressedSize <= UInt64(bytes.count - start) else {
            throw .damaged("a part runs past the end of the file")
        }
        let data = bytes[start..<(start + Int(entry.compressedSize))]
        switch entry.method {
        case 0:
            guard data.count <= limit else { throw .tooLarge(limit: limit) }
            return Array(data)
        case 8:
            return try Self.inflate(data, limit: limit)
        default:
            throw .unsupportedMethod(entry.method)
        }
    }

    /// The central directory, found through the end-of-central-directory record (ZIP64 too).
    private static func directory(of bytes: [UInt8]) throws(Problem) -> [Entry] {
        guard bytes.count >= 22 else { throw .notAZip }
        var end = bytes.count - 22
        let earliest = max(0, bytes.count - 22 - 0xFFFF)
        while end >= earliest, !signature(bytes, end, 0x06054B50) { end -= 1 }
        guard end >= earliest else { throw .notAZip }
        var count = UInt64(little16(bytes, end + 10))
        var offset = UInt64(little32(bytes, end + 16))
        if offset == 0xFFFF_FFFF || count == 0xFFFF {
            // ZIP64: a locator just before the end record points at the ZIP64 end record.
            let locator = end - 20
            guard locator >= 0, signature(bytes, locator, 0x07064B50) else { throw .damaged("a ZIP64 archive without its locator") }
            let record = little64(bytes, locator + 8)
            guard record <= UInt64(bytes.count - 56), signature(bytes, Int(record), 0x06064B50) else { throw .damaged("the ZIP64 end record is missing") }
            count = little64(bytes, Int(record) + 32)
            offset = little64(bytes, Int(record) + 48)
        }
        guard offset < UInt64(bytes.count) else { throw .damaged("the directory lies past the end of the file") }
        var entries: [Entry] = []
        var index = Int(offset)
        while entries.count < count {
            guard index <= bytes.count - 46, signature(bytes, index, 0x02014B50) else { throw .damaged("the directory is cut short") }
            let nameLength = Int(little16(bytes, index + 28)), extraLength = Int(little16(bytes, index + 30))
            let commentLength = Int(little16(bytes, index + 32))
            let nameStart = index + 46
            guard nameStart + nameLength + extraLength + commentLength <= bytes.count else { throw .damaged("the directory is cut short") }
            var entry = Entry(name: String(decoding: bytes[nameStart..<(nameStart + nameLength)], as: UTF8.self),
                              method: little16(bytes, index + 10),
                              compressedSize: UInt64(little32(bytes, index + 20)),
                              uncompressedSize: UInt64(little32(bytes, index + 24)),
                              localHeaderOffset: UInt64(little32(bytes, index + 42)))
            readZip64Extra(bytes[(nameStart + nameLength)..<(nameStart + nameLength + extraLength)], into: &entry)
            entries.append(entry)
            index = nameStart + nameLength + extraLength + commentLength
        }
        return entries
    }

    /// Fills in the sizes and offset an entry marks as 0xFFFFFFFF from its ZIP64 extra field.
    private static func readZip64Extra(_ slice: ArraySlice<UInt8>, into entry: inout Entry) {
        let extra = Array(slice)
        var position = 0
        while position + 4 <= extra.count {
            let id = little16(extra, position), size = Int(little16(extra, position + 2))
            let body = position + 4
            guard body + size <= extra.count else { return }
            if id == 0x0001 {
                var field = body
                func next() -> UInt64? {
                    guard field + 8 <= body + size else { return nil }
                    defer { field += 8 }
                    return little64(extra, field)
                }
                if entry.uncompressedSize == 0xFFFF_FFFF, let value = next() { entry.uncompressedSize = value }
                if entry.compressedSize == 0xFFFF_FFFF, let value = next() { entry.compressedSize = value }
                if entry.localHeaderOffset == 0xFFFF_FFFF, let value = next() { entry.localHeaderOffset = value }
                return
            }
            position = body + size
        }
    }

    /// Raw deflate (no zlib header), stopping at `limit` bytes of output or when the input ends.
    private static func inflate(_ input: ArraySlice<UInt8>, limit: Int) throws(Problem) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged("cannot start inflating")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = Array(input)
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    status = CInflate.inflate(&stream, Z_NO_FLUSH)
                    output += target[0..<(target.count - Int(stream.avail_out))]
                }
            } while status == Z_OK && output.count <= limit && (stream.avail_in > 0 || stream.avail_out == 0)
        }
        if output.count > limit { throw .tooLarge(limit: limit) }
        guard status == Z_STREAM_END else {
            throw .damaged(status == Z_OK || status == Z_BUF_ERROR ? "a part is cut short" : "a part's compressed data is corrupt")
        }
        return output
    }

    private static func signature(_ bytes: [UInt8], _ at: Int, _ value: UInt32) -> Bool {
        at >= 0 && at + 4 <= bytes.count && little32(bytes, at) == value
    }

    private static func little16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        guard at >= 0, at + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func little32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }

    private static func little64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        UInt64(little32(bytes, at)) | UInt64(little32(bytes, at + 4)) << 32
    }
}
