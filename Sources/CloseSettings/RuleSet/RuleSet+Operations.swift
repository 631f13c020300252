import Governance
import Yams

extension RuleSet {
    /// `operations:` a line per area (`payables: {owner: approver, sla_days: 2}`) or per kind (`treasury.bank-change-unverified`).
    static func exceptionPolicy(_ node: Node, reader: RuleSetReader) throws -> ExceptionPolicy {
        let families = ExceptionFamily.allCases.map(\.rawValue)
        // A kind's line is its area's name, a dot and the kind; which kinds exist is the areas' business, not the reader's.
        let kindLines = (node.mapping?.keys.compactMap(\.string) ?? []).filter { name in
            guard let dot = name.firstIndex(of: ".") else { return false }
            return families.contains(String(name[..<dot])) && name.index(after: dot) < name.endIndex
        }
        var policy = ExceptionPolicy()
        for (key, _, value) in try reader.entries(of: node, key: "operations", known: families + kindLines) {
            var ownership = ExceptionPolicy.Ownership(owner: "", slaDays: -1)
            for (field, _, setting) in try reader.entries(of: value, key: key, known: ["owner", "sla_days"]) {
                if field.hasSuffix(".owner") {
                    ownership.owner = try reader.text(setting, field)
                } else {
                    ownership.slaDays = try reader.integer(setting, field, maximum: 365)
                }
            }
            guard !ownership.owner.isEmpty, ownership.slaDays >= 0 else {
                throw reader.fail(value, key, "needs both owner (a Closer role or login) and sla_days, e.g. {owner: approver, sla_days: 2}")
            }
            let name = String(key.dropFirst("operations.".count))
            if let family = ExceptionFamily(rawValue: name) { policy.families[family] = ownership } else { policy.kinds[name] = ownership }
        }
        return policy
    }
}
