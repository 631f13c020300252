/// Where each record sits in its array, by id: a flat table when the ids are dense (Odoo numbers a
/// database's records 1, 2, 3…), a dictionary when they are not. Each of millions of journal lines
/// looks its move up once; the table answers with one array read where a dictionary hashed and probed.
struct IDPositions {
    private var lowest = 0
    /// Position + 1 at `id - lowest`; 0 where no record has that id.
    private var table: [Int32] = []
    private var sparse: [Int: Int]?

    /// Positions `0..<count` whose record passes `include`, keyed by `id(position)` (the last one wins for a repeated id).
    init(count: Int, id: (Int) -> Int, where include: (Int) -> Bool) {
        var lowest = Int.max, highest = Int.min, included = 0
        for position in 0..<count where include(position) {
            lowest = min(lowest, id(position))
            highest = max(highest, id(position))
            included += 1
        }
        guard included > 0 else { return }
        let (span, overflow) = highest.subtractingReportingOverflow(lowest)
        // A table of at most four slots (16 bytes) per record, where a dictionary entry costs about as much.
        guard !overflow, span < 4 * included + 1_024, count < Int32.max else {
            var sparse: [Int: Int] = [:]
            sparse.reserveCapacity(included)
            for position in 0..<count where include(position) { sparse[id(position)] = position }
            self.sparse = sparse
            return
        }
        self.lowest = lowest
        table = [Int32](repeating: 0, count: span + 1)
        for position in 0..<count where include(position) { table[id(position) - lowest] = Int32(position + 1) }
    }

    subscript(id: Int) -> Int? {
        if let sparse { return sparse[id] }
        let (offset, overflow) = id.subtractingReportingOverflow(lowest)
        guard !overflow, offset >= 0, offset < table.count, table[offset] != 0 else { return nil }
        return Int(table[offset] - 1)
    }

    mutating func remove(_ id: Int) {
        if sparse != nil { sparse![id] = nil; return }
        let (offset, overflow) = id.subtractingReportingOverflow(lowest)
        if !overflow, offset >= 0, offset < table.count { table[offset] = 0 }
    }
}
