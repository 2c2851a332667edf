/// The content hashes of a bulk load while its content-hash index is dropped (see
/// `SQLiteWriter`): each hash's first unit, in one open-addressing table of (hash, unit) pairs.
///
/// A lookup costs one cache miss. A `Dictionary<Int64, Int64>` cost a SipHash and up to
/// three misses (its bitmap, keys and values), 3.0 s against 1.6 s for 10M hashes.
struct ContentHashTable {
    private struct Slot {
        var hash: Int64
        /// 0 for an empty slot (unit ids start at 1).
        var unit: Int64
    }

    private var slots: [Slot]
    /// 64 minus the table's bits: a slot is the top bits of the hash times the golden ratio
    /// (FNV-1a's low bits alone would cluster).
    private var shift: UInt64
    private(set) var count = 0

    /// A table for about `capacity` hashes before it grows.
    init(capacity: Int) {
        var bits = 4
        while (1 << bits) * 7 < max(capacity, 1) * 10 { bits += 1 }
        slots = [Slot](repeating: Slot(hash: 0, unit: 0), count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    /// The first unit stored with `hash`, or nil.
    func unit(withHash hash: Int64) -> Int64? {
        let mask = slots.count - 1
        var index = slot(of: hash)
        while true {
            let slot = slots[index]
            if slot.unit == 0 { return nil }
            if slot.hash == hash { return slot.unit }
            index = (index + 1) & mask
        }
    }

    /// Records `unit` as the first unit of `hash`; false (nothing changed) when `hash` has one.
    @discardableResult
    mutating func insert(hash: Int64, unit: Int64) -> Bool {
        precondition(unit != 0, "unit ids start at 1")
        if (count + 1) * 10 > slots.count * 7 { grow() }
        let mask = slots.count - 1
        var index = slot(of: hash)
        while slots[index].unit != 0 {
            if slots[index].hash == hash { return false }
            index = (index + 1) & mask
        }
        slots[index] = Slot(hash: hash, unit: unit)
        count += 1
        return true
    }

    /// Where probing for `hash` starts.
    func slot(of hash: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: hash) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(hash: 0, unit: 0), count: old.count * 2)
        shift -= 1
        count = 0
        for slot in old where slot.unit != 0 { insert(hash: slot.hash, unit: slot.unit) }
    }
}
