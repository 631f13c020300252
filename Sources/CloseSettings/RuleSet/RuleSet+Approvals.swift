import Governance
import Yams

extension RuleSet {
    static func approvalPolicy(_ node: Node, reader: RuleSetReader) throws -> ApprovalPolicy {
        var policy = ApprovalPolicy()
        for (key, _, value) in try reader.entries(of: node, key: "approvals", known: ["default", "kinds"]) {
            if key == "approvals.default" {
                policy.standard = try approvalTiers(value, key: key, reader: reader)
                continue
            }
            for (kindKey, kindNode, tiers) in try reader.entries(of: value, key: key, known: ApprovalPolicy.proposalKinds) {
                policy.byKind[kindNode.string ?? kindKey] = try approvalTiers(tiers, key: kindKey, reader: reader)
            }
        }
        return policy
    }

    /// A list of tiers, lowest first, the first `above: 0`: each says how many approvals, by which roles.
    static func approvalTiers(_ node: Node, key: String, reader: RuleSetReader) throws -> [ApprovalPolicy.Tier] {
        guard let items = node.sequence, !items.isEmpty else {
            throw reader.fail(node, key, "must be a list of tiers, e.g. [{above: 0, approvals: 1, roles: [approver, controller]}]")
        }
        var tiers: [ApprovalPolicy.Tier] = []
        for item in items {
            var tier = ApprovalPolicy.Tier(above: -1)
            for (field, _, value) in try reader.entries(of: item, key: key, known: ["above", "approvals", "roles", "controllers"]) {
                switch field.dropFirst(key.count + 1) {
                case "above": tier.above = Int64(try reader.integer(value, field))
                case "approvals": tier.approvals = try reader.integer(value, field, minimum: 1)
                case "controllers": tier.controllers = try reader.integer(value, field)
                default:
                    let names = CloserRole.approving.map(\.rawValue)
                    tier.roles = Set(try reader.strings(value, field).map { CloserRole(rawValue: try reader.choice($1, field, from: names))! })
                }
            }
            guard tier.above >= 0 else { throw reader.fail(item, "\(key).above", "is missing (the amount above which this tier applies)") }
            guard tier.above > (tiers.last?.above ?? -1) else {
                throw reader.fail(item, "\(key).above", "must be above the previous tier's (\(tiers.last?.above ?? 0)): list tiers lowest first")
            }
            guard tier.controllers <= tier.approvals, tier.controllers == 0 || tier.roles.contains(.controller) else {
                throw reader.fail(item, "\(key).controllers", "must not exceed approvals, and needs controller among the roles")
            }
            tiers.append(tier)
        }
        guard tiers[0].above == 0 else { throw reader.fail(items[0], "\(key).above", "of the first tier must be 0, so every amount has a tier") }
        return tiers
    }
}
