import Treasury
import Yams

extension RuleSet {
    static func treasuryRules(_ node: Node, reader: RuleSetReader) throws -> TreasuryRules {
        var rules = TreasuryRules()
        let known = ["cool_off_days", "duplicate_window_days", "minimum_discount_annual_rate", "recent_change_days"]
        for (key, _, value) in try reader.entries(of: node, key: "treasury", known: known) {
            switch key.dropFirst("treasury.".count) {
            case "cool_off_days": rules.coolOffDays = try reader.integer(value, key, maximum: 365)
            case "duplicate_window_days": rules.duplicateWindowDays = try reader.integer(value, key, maximum: 366)
            case "recent_change_days": rules.recentChangeDays = try reader.integer(value, key, maximum: 3660)
            default: rules.minimumDiscountAnnualRate = try reader.number(value, key)
            }
        }
        return rules
    }
}
