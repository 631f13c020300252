import OdooRPC
import OdooSimulator

/// Domains as the simulated Odoo evaluates them (`OdooDomain`), over the fake's tables. Archived records are left
/// out unless the domain names `active` (Odoo's active_test).
extension FakeOdoo {
    func search(_ model: String, _ terms: [RPCValue], limit: Int?, order: String?) -> [Int] {
        let domain = OdooDomain(terms)
        let namesActive = domain.names("active")
        var found = (tables[model] ?? [:]).filter { id, record in
            (namesActive || record["active"]?.boolValue != false) && domain.matches { lookup(model, id, $0) }
        }.map(\.key)
        let descending = order?.lowercased().contains("desc") == true
        if let order, order.hasPrefix("sequence") {
            found.sort { (tables[model]?[$0]?["sequence"]?.int ?? 0, $0) < (tables[model]?[$1]?["sequence"]?.int ?? 0, $1) }
        } else {
            found.sort(by: descending ? (>) : (<))
        }
        return limit.map { Array(found.prefix($0)) } ?? found
    }

    /// A field as a domain reads it: the id, a dotted path ("account_id.account_type") through many2one fields to the
    /// related record, or the value as read; nil when the path leads to no record.
    private func lookup(_ model: String, _ id: Int, _ field: String) -> RPCValue? {
        if field == "id" { return RPCValue(id) }
        if let dot = field.firstIndex(of: "."), let related = Self.relations[model]?[String(field[..<dot])] {
            guard let target = tables[model]?[id]?[String(field[..<dot])]?.int else { return nil }
            return lookup(related, target, String(field[field.index(after: dot)...]))
        }
        return value(model, id, field)
    }
}
