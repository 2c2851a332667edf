import KiokuText

/// A file's content as UTF-8 bytes, whatever its encoding: a BOM (UTF-8, UTF-16 LE/BE)
/// decides first, then, for XML, the encoding named in the XML declaration; anything
/// other than UTF-8 is decoded through ICU chunk by chunk.
final class UTF8Stream {
    let path: String
    /// The encoding the file was read in, for messages.
    private(set) var encoding = "UTF-8"
    private let source: ByteSource
    /// Bytes of the file read so far, and its size.
    var progress: ReadProgress { ReadProgress(bytesRead: source.bytesRead, totalBytes: source.size) }
    private var decoder: CharsetDecoder?
    private var pending: [UInt8] = []
    private var raw: [UInt8] = []
    private var finished = false

    /// Opens `path`; with `xml: true` the XML declaration may name the encoding.
    init(path: String, xml: Bool) throws(FormatError) {
        self.path = path
        source = try ByteSource(path: path)
        var head: [UInt8] = []
        while head.count < 4, try source.read(into: &head) {}
        try detect(head, xml: xml)
    }

    private func detect(_ head: [UInt8], xml: Bool) throws(FormatError) {
        var body = ArraySlice(head)
        var named: String?
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = head.dropFirst(3)
        } else if head.starts(with: [0xFF, 0xFE]) {
            named = "UTF-16LE"; body = head.dropFirst(2)
        } else if head.starts(with: [0xFE, 0xFF]) {
            named = "UTF-16BE"; body = head.dropFirst(2)
        } else if xml, head.starts(with: [0x3C, 0x00, 0x3F, 0x00]) {
            named = "UTF-16LE"
        } else if xml, head.starts(with: [0x00, 0x3C, 0x00, 0x3F]) {
            named = "UTF-16BE"
        } else if xml, let declared = Self.declaredEncoding(head), !Self.isUTF8Compatible(declared) {
            named = declared
        }
        if let named {
            do {
                decoder = try CharsetDecoder(encoding: named)
            } catch {
                throw .badEncoding(SourceLocation(file: path, line: 1),
                                   "the file declares the encoding \"\(named)\", which Kioku does not know")
            }
            encoding = named
            raw = Array(body)
        } else {
            pending = Array(body)
        }
    }

    /// Appends the next UTF-8 bytes to `buffer`; false at end of input.
    func read(into buffer: inout [UInt8], linesSoFar: @autoclosure () -> Int) throws(FormatError) -> Bool {
        if !pending.isEmpty {
            buffer.append(contentsOf: pending)
            pending.removeAll()
            return true
        }
        if finished { return false }
        guard let decoder else {
            let more = try source.read(into: &buffer)
            if !more { finished = true }
            return more
        }
        let more = try source.read(into: &raw)
        if !more { finished = true }
        do {
            let bytes = try raw.withUnsafeBytes { try decoder.decode($0, flush: !more) }
            raw.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: bytes)
            return more || !bytes.isEmpty
        } catch {
            throw .badEncoding(SourceLocation(file: path, line: linesSoFar()),
                               "the file has \(error) (somewhere after this line)")
        }
    }

    /// The whole file as UTF-8, decoded as ``XMLPullParser`` decodes it (so its offsets apply),
    /// and the encoding it was in.
    static func readAll(path: String, xml: Bool) throws(FormatError) -> (bytes: [UInt8], encoding: String) {
        let stream = try UTF8Stream(path: path, xml: xml)
        var bytes: [UInt8] = []
        while try stream.read(into: &bytes, linesSoFar: 1) {}
        return (bytes, stream.encoding)
    }

    static func isUTF8Compatible(_ name: String) -> Bool {
        ["utf-8", "utf8", "us-ascii", "ascii"].contains(name.lowercased())
    }

    /// The `encoding="…"` of an ASCII-compatible XML declaration, if any.
    static func declaredEncoding(_ head: [UInt8]) -> String? {
        guard head.starts(with: Array("<?xml".utf8)) else { return nil }
        let end = head.firstIndex(of: UInt8(ascii: ">")) ?? min(head.count, 256)
        let declaration = String(decoding: head[0..<end], as: UTF8.self)
        guard let range = declaration.firstRange(of: "encoding") else { return nil }
        var rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        return String(rest.prefix { $0 != quote })
    }
}
