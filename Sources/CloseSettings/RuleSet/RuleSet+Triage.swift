import CloseChecks
import Yams

extension RuleSet {
    static func triageRules(_ node: Node, reader: RuleSetReader) throws -> TriageRules {
        var rules = TriageRules()
        let known = ["systemic_min_findings", "abandoned_feed_months", "check_premises", "weekend_routine_percent", "material_percent",
                     "trivial_percent", "first_screen_min_risk", "dismissal_max_days"]
        for (key, _, value) in try reader.entries(of: node, key: "triage", known: known) {
            switch key.dropFirst("triage.".count) {
            case "systemic_min_findings": rules.systemicMinFindings = try reader.integer(value, key, minimum: 2)
            case "abandoned_feed_months": rules.abandonedFeedMonths = try reader.integer(value, key, minimum: 1, maximum: 120)
            case "check_premises": rules.checkPremises = try reader.flag(value, key)
            case "weekend_routine_percent": rules.weekendRoutinePercent = try reader.integer(value, key, maximum: 100)
            case "material_percent": rules.materialPercent = try reader.number(value, key)
            case "trivial_percent": rules.trivialPercent = try reader.number(value, key)
            case "first_screen_min_risk": rules.firstScreenMinRisk = try reader.number(value, key)
            default: rules.dismissalMaxDays = try reader.integer(value, key, minimum: 1, maximum: 3_660)
            }
        }
        guard rules.trivialPercent <= rules.materialPercent else {
            throw reader.fail(node, "triage.trivial_percent", "must not be above material_percent")
        }
        guard rules.firstScreenMinRisk <= 1 else {
            throw reader.fail(node, "triage.first_screen_min_risk", "must be between 0 and 1 (risk is a share)")
        }
        return rules
    }
}
