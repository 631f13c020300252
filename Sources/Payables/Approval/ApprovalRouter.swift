public import Foundation
public import Ledger

/// Turns a bill's facts and the rule set's `payables.approval` section into its approval route.
/// Each amount threshold the bill reaches adds a level; every other rule that fires asks for its roles,
/// joining a level that already asks for exactly those roles (one person covers both reasons) or
/// adding one after it. Nothing fires: no level, the bill is touchless.
public struct ApprovalRouter: Sendable {
    public var rules: BillApprovalRules

    public init(rules: BillApprovalRules) { self.rules = rules }

    /// The route of a bill routed on `day` (vendor age and bank changes count back from it).
    public func route(_ facts: BillApprovalFacts, on day: LocalDate) -> ApprovalRoute {
        var levels = amountLevels(facts.amount)
        for (trigger, roles, reason) in riskReasons(facts, on: day) {
            if let index = levels.firstIndex(where: { Set($0.roles) == Set(roles) }) {
                levels[index].triggers.append(trigger)
                levels[index].reasons.append(reason)
            } else {
                levels.append(ApprovalLevel(roles: roles, triggers: [trigger], reasons: [reason]))
            }
        }
        return ApprovalRoute(levels: levels)
    }

    private func amountLevels(_ amount: Money) -> [ApprovalLevel] {
        let magnitude = amount.magnitude
        var whole = Decimal(magnitude.minorUnits)
        for _ in 0..<magnitude.scale { whole /= 10 }
        return rules.amountLevels.filter { whole >= $0.atLeast }.enumerated().map { index, threshold in
            let position = index == 0 ? "" : "a \(Self.ordinal(index + 1)) level, "
            return ApprovalLevel(roles: threshold.roles, triggers: ["amount"],
                                 reasons: ["amount \(magnitude) is at least the \(Self.grouped(threshold.atLeast)) threshold: \(position)\(Self.list(threshold.roles))"])
        }
    }

    private func riskReasons(_ facts: BillApprovalFacts, on day: LocalDate) -> [(trigger: String, roles: [String], reason: String)] {
        var reasons: [(String, [String], String)] = []
        if let rule = rules.newVendor {
            if let first = facts.vendorFirstBillDate {
                let age = first.days(until: day)
                if Double(age) < rule.limit {
                    reasons.append(("new-vendor", rule.roles, "the vendor's first bill is of \(first), \(age) days ago (under \(Self.number(rule.limit))): "
                        + "a new vendor, \(Self.list(rule.roles))"))
                }
            } else {
                reasons.append(("new-vendor", rule.roles, "the vendor has no posted bill yet: a new vendor, \(Self.list(rule.roles))"))
            }
        }
        if let rule = rules.bankChange, let changed = facts.bankDetailsChangedOn, Double(changed.days(until: day)) <= rule.limit {
            reasons.append(("bank-change", rule.roles, "the vendor's bank details changed on \(changed), \(max(0, changed.days(until: day))) days ago "
                + "(within \(Self.number(rule.limit))): \(Self.list(rule.roles))"))
        }
        for code in Set(facts.analyticAccounts).sorted() {
            guard let roles = rules.analyticAccounts[code] else { continue }
            reasons.append(("analytic", roles, "it charges cost centre \(code): \(Self.list(roles))"))
        }
        if let rule = rules.duplicateScore, let score = facts.bestDuplicateScore, score >= rule.limit {
            reasons.append(("duplicate", rule.roles, "it looks like a duplicate (score \(Self.score(score)), at least \(Self.score(rule.limit))): "
                + Self.list(rule.roles)))
        }
        if let rule = rules.anomalyScore, let score = facts.anomalyScore, score >= rule.limit {
            reasons.append(("anomaly", rule.roles, "its anomaly score \(Self.score(score)) is at least \(Self.score(rule.limit)): \(Self.list(rule.roles))"))
        }
        return reasons
    }

    private static func list(_ roles: [String]) -> String { ApprovalLevel.list(roles) }

    private static func score(_ value: Double) -> String { String(format: "%.2f", value) }

    private static func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }

    private static func ordinal(_ position: Int) -> String {
        let words = ["first", "second", "third", "fourth", "fifth", "sixth"]
        return position <= words.count ? words[position - 1] : "\(position)th"
    }

    /// 10000 → "10,000" (a fraction kept as written).
    static func grouped(_ amount: Decimal) -> String {
        let text = "\(amount)"
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        for index in stride(from: whole.count - 3, to: 0, by: -3) { whole.insert(",", at: whole.index(whole.startIndex, offsetBy: index)) }
        return parts.count > 1 ? whole + "." + parts[1] : whole
    }
}
