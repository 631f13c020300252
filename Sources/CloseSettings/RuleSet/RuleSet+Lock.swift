import Governance
import Ledger
import Yams

extension RuleSet {
    static func lockPolicy(_ node: Node, reader: RuleSetReader) throws -> LockPolicy {
        var policy = LockPolicy()
        for (key, _, value) in try reader.entries(of: node, key: "lock", known: ["fields", "allow_hard_lock"]) {
            switch key {
            case "lock.fields":
                policy.fields = try reader.strings(value, key).map { name, node in
                    guard let field = LockDateField(rawValue: name) else {
                        throw reader.fail(node, key, "'\(name)' is not a lock date (known: \(LockDateField.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    return field
                }
                guard !policy.fields.isEmpty else { throw reader.fail(value, key, "must name at least one lock date, e.g. [fiscal_year]") }
            default: policy.allowHardLock = try reader.flag(value, key)
            }
        }
        return policy
    }
}
