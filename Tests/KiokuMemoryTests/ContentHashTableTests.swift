import Testing
@testable import KiokuMemory

/// The bulk load's table of content hashes: what it finds must be what a dictionary finds,
/// across growth and hashes that land on the same slot.
@Suite struct ContentHashTableTests {
    @Test func findsEachHashsFirstUnitAcrossGrowth() {
        var table = ContentHashTable(capacity: 4)
        var expected: [Int64: Int64] = [:]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for unit in Int64(1)...20_000 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            // every fifth hash repeats an earlier one; hashes 0 and negative ones are ordinary keys
            let hash = unit % 5 == 0 ? Int64(bitPattern: state % 64) - 32 : Int64(bitPattern: state)
            let isNew = expected[hash] == nil
            let inserted = table.insert(hash: hash, unit: unit)
            #expect(inserted == isNew)
            if isNew { expected[hash] = unit }
        }
        #expect(table.count == expected.count)
        for (hash, unit) in expected { #expect(table.unit(withHash: hash) == unit) }
    }

    @Test func hashesThatShareASlotAreKeptApart() {
        var table = ContentHashTable(capacity: 4)
        // eight hashes whose probing starts on one slot, then one of another slot in their way
        let home = table.slot(of: 12_345)
        let sharing = Array((Int64(0)..<1_000_000).lazy.filter { table.slot(of: $0) == home }.prefix(8))
        let neighbour = (Int64(0)...).first { table.slot(of: $0) == home + 1 }!
        for (number, hash) in sharing.enumerated() {
            let inserted = table.insert(hash: hash, unit: Int64(number + 1))
            #expect(inserted)
        }
        let neighbourInserted = table.insert(hash: neighbour, unit: 9)
        #expect(neighbourInserted)
        for (number, hash) in sharing.enumerated() { #expect(table.unit(withHash: hash) == Int64(number + 1)) }
        #expect(table.unit(withHash: neighbour) == 9)
        let again = table.insert(hash: sharing[3], unit: 99)
        #expect(!again)
        #expect(table.unit(withHash: sharing[3]) == 4)
        let absent = (Int64(0)...).first { table.slot(of: $0) == home && !sharing.contains($0) }!
        #expect(table.unit(withHash: absent) == nil)
        #expect(table.count == 9)
    }
}
