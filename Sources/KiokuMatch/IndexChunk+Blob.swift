/// A chunk as the store keeps it, one blob (index format 4):
///
/// - a tag (``blobTag``), then each document's ``VariantKey`` as a little-endian `Int64`;
/// - each document's ``PunctuationMark``, a byte;
/// - ``lengthStarts`` (where each document length starts: documents are sorted by length, so
///   these few numbers give every document's length and offset);
/// - the documents' tokens, back to back, each an unsigned LEB128 number (most ids are small:
///   common words come first).
///
/// The inverted lists are not saved: they follow from the tokens and are rebuilt when the
/// chunk is read (``rebuildPostings()``, about 5 ms a full chunk). Format 2 saved them, and
/// every token as 4 bytes: a blob 3.8 times as large (2.6 GB of a 10M TM's 6.5 GB), which every
/// import and every save of a server's write paid for in writing. Format 3 had no marks.
///
/// Each part is preceded by its count as a little-endian `UInt64`. The dead documents are
/// saved apart (``deadBytes()``).
extension IndexChunk {
    /// What a blob starts with: above any document count, so format 2's blobs (which start with
    /// theirs) are told apart, and other than format 3's tag (`…4B33`).
    static let blobTag: UInt64 = 0x3442_4B55_4B49_4F4B

    /// The chunk as bytes.
    func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(8 * 5 + documents.count * 9 + lengthStarts.count * 4 + tokens.count * 2)
        func put(_ number: UInt64) { withUnsafeBytes(of: number.littleEndian) { out.append(contentsOf: $0) } }
        func put<T: FixedWidthInteger>(_ array: [T]) {
            put(UInt64(array.count))
            array.withUnsafeBytes { out.append(contentsOf: $0) }
        }
        put(Self.blobTag)
        put(documents)
        put(marks)
        put(lengthStarts)
        // The tokens go straight into the blob; their byte count, known at the end, before them.
        let countAt = out.count
        put(0)
        for token in tokens {
            var value = token
            while value >= 0x80 {
                out.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            out.append(UInt8(value))
        }
        withUnsafeBytes(of: UInt64(out.count - countAt - 8).littleEndian) { out.replaceSubrange(countAt..<countAt + 8, with: $0) }
        return out
    }

    /// Reads a blob written by ``encoded()``; nil if it is damaged.
    init?(encoded bytes: [UInt8]) {
        guard let chunk = bytes.withUnsafeBytes({ IndexChunk(encoded: $0) }) else { return nil }
        self = chunk
    }

    /// Reads a blob in place (straight from the store's buffer) and rebuilds its inverted lists,
    /// unless `withPostings` is false (the caller rebuilds them, on another core); nil if it is
    /// damaged, or holds a token above `highestToken` (the vocabulary's highest id).
    init?(encoded bytes: UnsafeRawBufferPointer, highestToken: UInt32 = .max, withPostings: Bool = true) {
        var position = 0
        func number() -> Int? {
            guard position + 8 <= bytes.count else { return nil }
            let value = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            position += 8
            return value <= UInt64(bytes.count) ? Int(value) : nil
        }
        func take<T: FixedWidthInteger>(_: T.Type) -> [T]? {
            guard let count = number() else { return nil }
            let size = count * MemoryLayout<T>.stride
            guard position + size <= bytes.count else { return nil }
            let array = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[position..<position + size]))
                initialized = count
            }
            position += size
            return array
        }
        self.init()
        guard position + 8 <= bytes.count,
              UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)) == Self.blobTag
        else { return nil }
        position = 8
        guard let documents = take(Int64.self), let marks = take(UInt8.self), marks.count == documents.count,
              let starts = take(UInt32.self),
              let offsets = Self.offsets(lengthStarts: starts, documents: documents.count),
              let packedCount = number(), position + packedCount == bytes.count
        else { return nil }
        // Every token takes a byte at least: a count beyond the bytes is damage, not an allocation.
        let tokenCount = Int(offsets[documents.count])
        guard tokenCount <= packedCount,
              let tokens = Self.unpack(UnsafeRawBufferPointer(rebasing: bytes[position...]), count: tokenCount, highest: highestToken)
        else { return nil }
        self.documents = documents
        self.marks = marks
        self.offsets = offsets
        self.tokens = tokens
        guard indexLengths() else { return nil }
        if withPostings { rebuildPostings() }
    }

    /// Each document's offset from where each length starts; nil when they cannot be a chunk's
    /// (not starting at 0, going backwards, not ending at the document count).
    private static func offsets(lengthStarts starts: [UInt32], documents count: Int) -> [UInt32]? {
        // As ``indexLengths()`` makes them: from 0 up to the longest document's length, then the count.
        guard let first = starts.first, first == 0, Int(starts.last!) == count,
              count == 0 ? starts.count == 1 : starts.count >= 2 && Int(starts[starts.count - 2]) < count
        else { return nil }
        // All of them checked before any is used: a start far beyond the count, followed by one
        // going back, must not run a loop of billions (the fuzzer's first find).
        for length in 0..<starts.count - 1 where starts[length] > starts[length + 1] { return nil }
        var offsets: [UInt32] = []
        offsets.reserveCapacity(count + 1)
        offsets.append(0)
        var total: UInt64 = 0
        for length in 0..<starts.count - 1 {
            for _ in starts[length]..<starts[length + 1] {
                total += UInt64(length)
                guard total <= UInt64(UInt32.max) else { return nil }
                offsets.append(UInt32(total))
            }
        }
        return offsets
    }

    /// `count` LEB128 numbers filling `bytes` exactly, each in its shortest form and none above
    /// `highest`; nil otherwise. (A blob that reads is thus the one ``encoded()`` writes.)
    private static func unpack(_ bytes: UnsafeRawBufferPointer, count: Int, highest: UInt32) -> [UInt32]? {
        var failed = false
        let tokens = [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
            var position = 0
            for index in 0..<count {
                var value: UInt64 = 0, shift: UInt64 = 0
                while true {
                    guard position < bytes.count, shift < 35 else { failed = true; return }
                    let byte = bytes[position]
                    position += 1
                    value |= UInt64(byte & 0x7F) << shift
                    if byte < 0x80 {
                        if byte == 0 && shift > 0 { failed = true; return }  // as encoded: no needless last byte
                        break
                    }
                    shift += 7
                }
                guard value <= UInt64(highest) else { failed = true; return }
                buffer[index] = UInt32(value)
                initialized = index + 1
            }
            if position != bytes.count { failed = true }
        }
        return failed ? nil : tokens
    }

    /// The dead documents' bits as saved (little-endian 64-bit words); empty when none is dead.
    func deadBytes() -> [UInt8] {
        guard deadCount > 0 else { return [] }
        var out: [UInt8] = []
        out.reserveCapacity(dead.count * 8)
        for word in dead { withUnsafeBytes(of: word.littleEndian) { out.append(contentsOf: $0) } }
        return out
    }
}
