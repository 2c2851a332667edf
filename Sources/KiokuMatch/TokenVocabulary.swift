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
    }

    private var keyBytes: [UInt8] = []
    private var entries: [Entry] = []
    /// By hash, each entry's hash (upper half) and number plus one (lower half), 0 for an empty
    /// slot; a power of two, never more than half full. A probe passes over other keys by the
    /// hash in the slot, without reading their entries: a key not held (every insert, when a
    /// TM's 500,000 words load) cost a cache miss for each entry on its way.
    private var slots = [UInt64](repeating: 0, count: 16)
    /// The highest id held (0 when empty).
    private(set) var highestID: UInt32 = 0

    var count: Int { entries.count }

    init() {}

    /// The id of `key`, or nil.
    func id(utf8 key: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let hash = Self.hash(key)
        switch find(key, hash: hash) {
        case .found(let number): return entries[number].id
        case .vacant: return nil
        }
    }

    private enum Probe {
        case found(entry: Int)
        /// Not held; the empty slot where it would go.
        case vacant(slot: Int)
    }

    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Probe {
        let tag = UInt64(UInt32(truncatingIfNeeded: hash)) << 32
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                keyBytes.withUnsafeBufferPointer { stored in
                    let mask = slots.count - 1
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let value = slots[slot]
                        if value == 0 { return .vacant(slot: slot) }
                        if value & 0xFFFF_FFFF_0000_0000 == tag {
                            let number = Int(truncatingIfNeeded: value & 0xFFFF_FFFF) - 1
                            let entry = entries[number]
                            // memcmp, not `elementsEqual`: a byte-by-byte loop was a third of every lookup here
                            if Int(entry.length) == key.count,
                               key.isEmpty || memcmp(key.baseAddress!, stored.baseAddress! + Int(entry.start), key.count) == 0 {
                                return .found(entry: number)
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
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
            if (entries.count + 1) * 2 > slots.count { grow() }
            let hash = Self.hash(bytes)
            guard case .vacant(let slot) = find(bytes, hash: hash) else { return }
            entries.append(Entry(start: UInt32(keyBytes.count), length: UInt32(bytes.count), id: id))
            keyBytes.append(contentsOf: bytes)
            slots[slot] = UInt64(UInt32(truncatingIfNeeded: hash)) << 32 | UInt64(entries.count)  // the entry's number plus one
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

    /// Twice the slots, each placed again by the hash it holds (a slot is its hash's lower
    /// bits, which the 32 kept hold while there are fewer than 2³² slots).
    private mutating func grow() {
        var grown = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = grown.count - 1
        for value in slots where value != 0 {
            var slot = Int(value >> 32) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = value
        }
        slots = grown
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
