#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A language index's tokens (in matching form) and their ids, looked up by their UTF-8 bytes:
/// indexing looks up every word of every variant imported, and a `Dictionary` of strings made a
/// string and a SipHash of it for each. Keys live back to back in one byte array; an open-
/// addressing table of entry numbers finds them. Copy-on-write like the arrays it holds, so a
/// lookup's ``LanguageSnapshot`` shares it until the index changes.
struct TokenVocabulary: Sendable, Sequence {
    private struct Entry {
        var start: UInt32
        var length: UInt32
        var id: UInt32
        var hash: UInt32
    }

    private var keyBytes: [UInt8] = []
    private var entries: [Entry] = []
    /// Entry numbers by hash, -1 for an empty slot; a power of two, never more than half full.
    private var slots = [Int32](repeating: -1, count: 16)
    /// The highest id held (0 when empty).
    private(set) var highestID: UInt32 = 0

    var count: Int { entries.count }

    init() {}

    /// The id of `key`, or nil.
    func id(utf8 key: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return keyBytes.withUnsafeBufferPointer { stored in
            while true {
                let number = slots[slot]
                if number < 0 { return nil }
                let entry = entries[Int(number)]
                // memcmp, not `elementsEqual`: a byte-by-byte loop was a third of every lookup here
                if entry.hash == UInt32(truncatingIfNeeded: hash), Int(entry.length) == key.count,
                   key.isEmpty || memcmp(key.baseAddress!, stored.baseAddress! + Int(entry.start), key.count) == 0 {
                    return entry.id
                }
                slot = (slot + 1) & mask
            }
        }
    }

    subscript(key: String) -> UInt32? {
        var key = key
        return key.withUTF8 { id(utf8: $0) }
    }

    /// Adds `key` with `id` (a key already held keeps its id).
    mutating func insert(_ key: String, id: UInt32) {
        var key = key
        key.withUTF8 { bytes in
            guard self.id(utf8: bytes) == nil else { return }
            if (entries.count + 1) * 2 > slots.count { grow() }
            let hash = Self.hash(bytes)
            entries.append(Entry(start: UInt32(keyBytes.count), length: UInt32(bytes.count), id: id, hash: UInt32(truncatingIfNeeded: hash)))
            keyBytes.append(contentsOf: bytes)
            place(entries.count - 1, hash: hash)
            highestID = Swift.max(highestID, id)
        }
    }

    /// Every key with its id, in the order added.
    func makeIterator() -> AnyIterator<(key: String, id: UInt32)> {
        var number = 0
        return AnyIterator {
            guard number < entries.count else { return nil }
            let entry = entries[number]
            number += 1
            let key = keyBytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[Int(entry.start)..<Int(entry.start + entry.length)]), as: UTF8.self)
            }
            return (key, entry.id)
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for number in entries.indices {
            let entry = entries[number]
            let hash = keyBytes.withUnsafeBufferPointer {
                Self.hash(UnsafeBufferPointer(rebasing: $0[Int(entry.start)..<Int(entry.start + entry.length)]))
            }
            place(number, hash: hash)
        }
    }

    private mutating func place(_ number: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(number)
    }

    /// A fast hash of a short byte string, eight bytes a step (keys are words, not attacker-chosen
    /// in bulk; a TM built to collide would only slow its own imports).
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        let raw = UnsafeRawBufferPointer(bytes)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        var tail: UInt64 = 0, shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 29)
    }
}
