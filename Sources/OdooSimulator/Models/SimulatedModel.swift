import OdooRPC

/// One model of a simulated database: its records in ascending id order, each field read on demand from the
/// generated ledger's values, so a page costs the records on it and a 10-million-line model holds no dictionaries.
struct SimulatedModel: Sendable {
    let name: String
    /// What fields_get lists: each field and its Odoo type.
    let fields: [(name: String, type: String)]
    let count: Int
    let idAt: @Sendable (Int) -> Int
    /// A field of the record at an index as a client reads it; nil for a field the model does not have.
    let valueAt: @Sendable (Int, String) -> RPCValue?

    /// A small model kept as rows (reference data: accounts, journals, partners …); each row holds its "id".
    static func table(_ name: String, fields: [(name: String, type: String)], rows: [RPCStruct]) -> SimulatedModel {
        let rows = rows.sorted { ($0["id"]?.int ?? 0) < ($1["id"]?.int ?? 0) }
        let known = Set(fields.map(\.name))
        return SimulatedModel(name: name, fields: fields, count: rows.count, idAt: { rows[$0]["id"]?.int ?? 0 }, valueAt: { index, field in
            guard known.contains(field) || field == "id" else { return nil }
            return rows[index][field] ?? false
        })
    }

    /// The index of the first record whose id is at least `id`.
    func firstIndex(atLeast id: Int) -> Int { Self.firstIndex(atLeast: id, count: count, idAt: idAt) }

    /// The first of `count` records in ascending id order whose id is at least `id` (`count` when none is).
    static func firstIndex(atLeast id: Int, count: Int, idAt: (Int) -> Int) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if idAt(middle) < id { low = middle + 1 } else { high = middle }
        }
        return low
    }

    func index(of id: Int) -> Int? {
        let found = firstIndex(atLeast: id)
        return found < count && idAt(found) == id ? found : nil
    }

    /// Indexes of the records matching `domain` in id order (or reversed), after skipping `offset`, at most `limit`;
    /// only the id range the domain allows is scanned.
    func search(_ domain: OdooDomain, offset: Int = 0, limit: Int? = nil, descending: Bool = false) -> [Int] {
        let bounds = domain.idBounds
        let start = bounds.low.map { firstIndex(atLeast: $0) } ?? 0
        let end = bounds.high.map { $0 == .max ? count : firstIndex(atLeast: $0 + 1) } ?? count
        guard start < end else { return [] }
        var found: [Int] = []
        var skipped = 0
        for index in descending ? stride(from: end - 1, to: start - 1, by: -1) : stride(from: start, to: end, by: 1) {
            guard domain.matches({ field in valueAt(index, field) }) else { continue }
            if skipped < offset { skipped += 1; continue }
            found.append(index)
            if let limit, found.count >= limit { break }
        }
        return found
    }

    /// The named fields of the record at `index`, with its id; a field the model lacks is Odoo's "Invalid field".
    func read(_ index: Int, fields wanted: [String]) throws -> RPCStruct {
        var record = RPCStruct()
        record["id"] = RPCValue(idAt(index))
        for field in wanted.isEmpty ? fields.map(\.name) : wanted where field != "id" {
            guard let value = valueAt(index, field) else {
                throw OdooServerFault(exceptionName: "builtins.ValueError", message: "Invalid field '\(field)' on model '\(name)'")
            }
            record[field] = value
        }
        return record
    }
}
