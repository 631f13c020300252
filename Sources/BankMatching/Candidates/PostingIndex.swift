/// Open items by one key (an amount, a document number, a partner) in flat arrays: each key with where
/// its items start and end, the items' positions key after key, and an open-addressing table from a key's
/// hash to its place. Building is one sort; a lookup touches a slot, an entry and its slice (a key and its
/// bounds share one entry, so one cache miss fewer on millions of items). Millions of items take a few bytes
/// each, where a dictionary of arrays took a hash-table entry and a heap array per key.
struct PostingIndex<Key: PostingKey>: Sendable {
    private struct Entry {
        var key: Key
        /// `items[start..<end]` carry `key`.
        var start: Int32
        var end: Int32
    }

    private var entries: [Entry] = []
    private var items: [Int32] = []
    /// k + 1 at the first free slot from a key's hash on (linear probing); 0 is empty. At most half full.
    private var slots: [Int32] = []
    /// 64 minus log2 of the slot count: a key's slot is the top bits of its Fibonacci hash.
    private var shift = 60

    /// From (key, item position) pairs in any order; each key's items come out in ascending position.
    init(_ pairs: consuming [(key: Key, item: Int32)]) {
        pairs.sort { $0.key != $1.key ? $0.key < $1.key : $0.item < $1.item }
        items.reserveCapacity(pairs.count)
        for (position, pair) in pairs.enumerated() {
            if entries.last?.key != pair.key {
                if !entries.isEmpty { entries[entries.count - 1].end = Int32(position) }
                entries.append(Entry(key: pair.key, start: Int32(position), end: Int32(position)))
            }
            items.append(pair.item)
        }
        if !entries.isEmpty { entries[entries.count - 1].end = Int32(items.count) }
        var capacity = 16
        while capacity < 2 * entries.count { capacity *= 2; shift -= 1 }
        slots = [Int32](repeating: 0, count: capacity)
        for (place, entry) in entries.enumerated() {
            var slot = self.slot(entry.key)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(place + 1)
        }
    }

    /// The positions of the items carrying `key`, ascending; empty when none does.
    subscript(key: Key) -> ArraySlice<Int32> {
        let mask = slots.count - 1
        var slot = self.slot(key)
        while slots[slot] != 0 {
            let entry = entries[Int(slots[slot] - 1)]
            if entry.key == key { return items[Int(entry.start)..<Int(entry.end)] }
            slot = (slot + 1) & mask
        }
        return []
    }

    private func slot(_ key: Key) -> Int { Int(truncatingIfNeeded: (key.bits &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift)) }
}

/// A key of a PostingIndex: ordered, and its value as 64 bits for a multiplicative hash (the keys are
/// numbers; SipHash per lookup cost more than the lookup).
protocol PostingKey: Comparable, Sendable {
    var bits: UInt64 { get }
}

extension Int: PostingKey {
    var bits: UInt64 { UInt64(truncatingIfNeeded: self) }
}

extension DigitKey: PostingKey {
    var bits: UInt64 { value &+ UInt64(length) &* 0x2545_F491_4F6C_DD1D }
}
