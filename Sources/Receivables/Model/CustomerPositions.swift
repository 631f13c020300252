/// Customer id → position in the model's profiles, looked up once per ranked invoice: a plain table when the
/// ids are dense enough (Odoo's partner ids usually are), else a dictionary.
struct CustomerPositions: Sendable {
    /// Position + 1 at `id - lowest` (0: not a known customer); empty when the ids are too sparse for a table.
    let table: [Int32]
    let lowest: Int
    let dictionary: [Int: Int]

    init(_ ids: [Int]) {
        let lowest = ids.min() ?? 0, span = (ids.max() ?? 0) - lowest + 1
        self.lowest = lowest
        if !ids.isEmpty, ids.count < Int(Int32.max), span <= 16 * ids.count + 4_096 {
            var table = [Int32](repeating: 0, count: span)
            for (position, id) in ids.enumerated() { table[id - lowest] = Int32(position + 1) }
            self.table = table
            dictionary = [:]
        } else {
            table = []
            dictionary = Dictionary(ids.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        }
    }

    func position(of id: Int) -> Int? {
        guard !table.isEmpty else { return dictionary[id] }
        let slot = id &- lowest
        guard slot >= 0, slot < table.count, table[slot] > 0 else { return nil }
        return Int(table[slot]) - 1
    }
}
