import Foundation
import Governance
import Payables
import Yams

extension RuleSet {
    /// `payables.approval`: amount thresholds lowest first, risk rules (or `off`), analytic account codes → roles.
    static func approvalRules(_ node: Node, reader: RuleSetReader) throws -> BillApprovalRules {
        var rules = BillApprovalRules()
        let known = ["amounts", "new_vendor", "bank_change", "analytic_accounts", "duplicate", "anomaly"]
        for (key, _, value) in try reader.entries(of: node, key: "payables.approval", known: known) {
            switch key.dropFirst("payables.approval.".count) {
            case "amounts": rules.amountLevels = try amountLevels(value, key: key, reader: reader)
            case "new_vendor": rules.newVendor = try trigger(value, key: key, limit: "days", reader: reader)
            case "bank_change": rules.bankChange = try trigger(value, key: key, limit: "days", reader: reader)
            case "duplicate": rules.duplicateScore = try trigger(value, key: key, limit: "score", reader: reader)
            case "anomaly": rules.anomalyScore = try trigger(value, key: key, limit: "score", reader: reader)
            default:
                guard let mapping = value.mapping else { throw reader.fail(value, key, "must be a mapping of analytic account codes to roles, e.g. {CC-100: [controller]}") }
                rules.analyticAccounts = [:]
                for (codeNode, roles) in mapping {
                    guard let code = codeNode.string, !code.isEmpty else { throw reader.fail(codeNode, key, "codes must be single non-empty values") }
                    rules.analyticAccounts[code] = try approvingRoles(roles, key: "\(key).\(code)", reader: reader)
                }
            }
        }
        return rules
    }

    private static func amountLevels(_ node: Node, key: String, reader: RuleSetReader) throws -> [BillApprovalRules.AmountLevel] {
        guard let items = node.sequence else { throw reader.fail(node, key, "must be a list of thresholds, e.g. [{at_least: 1000, roles: [approver]}]") }
        var levels: [BillApprovalRules.AmountLevel] = []
        for item in items {
            var atLeast: Decimal?
            var roles: [String]?
            for (field, _, value) in try reader.entries(of: item, key: key, known: ["at_least", "roles"]) {
                if field.hasSuffix(".at_least") { atLeast = try reader.decimal(value, field) } else { roles = try approvingRoles(value, key: field, reader: reader) }
            }
            guard let atLeast, let roles else { throw reader.fail(item, key, "each threshold needs at_least (whole units) and roles") }
            if let previous = levels.last, atLeast <= previous.atLeast {
                throw reader.fail(item, "\(key).at_least", "must be above the previous threshold (\(previous.atLeast)): list thresholds lowest first")
            }
            levels.append(BillApprovalRules.AmountLevel(atLeast: atLeast, roles: roles))
        }
        return levels
    }

    /// `{days|score: N, roles: [...]}`, or `off`.
    private static func trigger(_ node: Node, key: String, limit: String, reader: RuleSetReader) throws -> BillApprovalRules.Trigger? {
        if let text = node.scalar?.string, ["off", "false"].contains(text.lowercased()) { return nil }
        var value: Double?
        var roles: [String]?
        for (field, _, item) in try reader.entries(of: node, key: key, known: [limit, "roles"]) {
            if field.hasSuffix(".roles") {
                roles = try approvingRoles(item, key: field, reader: reader)
            } else {
                value = limit == "days" ? Double(try reader.integer(item, field, maximum: 3_660)) : try reader.probability(item, field)
            }
        }
        guard let value, let roles else { throw reader.fail(node, key, "needs \(limit) and roles, e.g. {\(limit): \(limit == "days" ? "30" : "0.5"), roles: [controller]}, or off") }
        return BillApprovalRules.Trigger(limit: value, roles: roles)
    }

    private static func approvingRoles(_ node: Node, key: String, reader: RuleSetReader) throws -> [String] {
        let roles = try reader.strings(node, key).map { try reader.choice($1, key, from: CloserRole.approving.map(\.rawValue)) }
        guard !roles.isEmpty else { throw reader.fail(node, key, "must name at least one role: approver or controller") }
        return roles
    }
}
