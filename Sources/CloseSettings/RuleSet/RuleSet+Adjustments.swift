import Adjustments
import Yams

extension RuleSet {
    static func adjustmentRules(_ node: Node, reader: RuleSetReader) throws -> AdjustmentRules {
        var rules = AdjustmentRules()
        let known = ["journal", "accrued_liabilities_account", "post_kinds", "autonomous", "recurring", "deferrals", "prepaid", "reclass", "unbilled_orders"]
        for (key, _, value) in try reader.entries(of: node, key: "adjustments", known: known) {
            switch key.dropFirst("adjustments.".count) {
            case "journal": rules.journalCode = try reader.text(value, key)
            case "accrued_liabilities_account": rules.accruedLiabilitiesCode = try reader.text(value, key)
            case "post_kinds": rules.postKinds = Set(try reader.strings(value, key).map { try kind($0, $1, key, reader) })
            case "autonomous":
                for (path, keyNode, threshold) in try reader.entries(of: value, key: key, known: AdjustmentKind.allCases.map(\.rawValue)) {
                    rules.autonomous[try kind(String(path.dropFirst(key.count + 1)), keyNode, key, reader)] = try reader.probability(threshold, path)
                }
            case "recurring": rules.recurring = try recurringRules(value, reader: reader)
            case "prepaid": rules.prepaid = try prepaidRules(value, reader: reader)
            case "reclass": rules.reclass = try reclassRules(value, reader: reader)
            case "unbilled_orders": rules.unbilledOrders = try unbilledOrderRules(value, reader: reader)
            default: rules.deferrals = try deferralRules(value, reader: reader)
            }
        }
        return rules
    }

    static func kind(_ id: String, _ node: Node, _ key: String, _ reader: RuleSetReader) throws -> AdjustmentKind {
        guard let kind = AdjustmentKind(rawValue: id) else {
            throw reader.fail(node, key, "'\(id)' is not a proposal kind (known: \(AdjustmentKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return kind
    }

    static func recurringRules(_ node: Node, reader: RuleSetReader) throws -> RecurringAccrualRules {
        var rules = RecurringAccrualRules()
        let known = ["lookback_months", "minimum_months", "estimate_months", "stable_spread_percent", "maximum_spread_percent"]
        for (key, _, value) in try reader.entries(of: node, key: "adjustments.recurring", known: known) {
            switch key.dropFirst("adjustments.recurring.".count) {
            case "lookback_months": rules.lookbackMonths = try reader.integer(value, key, minimum: 2)
            case "minimum_months": rules.minimumMonths = try reader.integer(value, key, minimum: 2)
            case "estimate_months": rules.estimateMonths = try reader.integer(value, key, minimum: 1)
            case "stable_spread_percent": rules.stableSpreadPercent = try reader.integer(value, key)
            default: rules.maximumSpreadPercent = try reader.integer(value, key)
            }
        }
        guard rules.minimumMonths <= rules.lookbackMonths else {
            throw reader.fail(node, "adjustments.recurring.minimum_months", "must not be above lookback_months")
        }
        return rules
    }

    static func deferralRules(_ node: Node, reader: RuleSetReader) throws -> DeferralRules {
        var rules = DeferralRules()
        let known = ["prepaid_accounts", "deferred_revenue_accounts", "default_months"]
        for (key, _, value) in try reader.entries(of: node, key: "adjustments.deferrals", known: known) {
            switch key.dropFirst("adjustments.deferrals.".count) {
            case "prepaid_accounts": rules.prepaidAccountCodes = try reader.strings(value, key).map(\.0)
            case "deferred_revenue_accounts": rules.deferredRevenueAccountCodes = try reader.strings(value, key).map(\.0)
            default: rules.defaultMonths = try reader.integer(value, key)
            }
        }
        return rules
    }

    static func prepaidRules(_ node: Node, reader: RuleSetReader) throws -> PrepaidRules {
        var rules = PrepaidRules()
        let known = ["minimum_amount", "run_rate_multiple", "default_months", "minimum_confidence"]
        for (key, _, value) in try reader.entries(of: node, key: "adjustments.prepaid", known: known) {
            switch key.dropFirst("adjustments.prepaid.".count) {
            case "minimum_amount": rules.minimumAmount = try reader.integer(value, key)
            case "run_rate_multiple": rules.runRateMultiple = try reader.integer(value, key, minimum: 1)
            case "default_months": rules.defaultMonths = try reader.integer(value, key, minimum: 2)
            default: rules.minimumConfidence = try reader.probability(value, key)
            }
        }
        return rules
    }

    static func reclassRules(_ node: Node, reader: RuleSetReader) throws -> ReclassRules {
        var rules = ReclassRules()
        for (key, _, value) in try reader.entries(of: node, key: "adjustments.reclass", known: ["minimum_confidence", "minimum_history"]) {
            switch key.dropFirst("adjustments.reclass.".count) {
            case "minimum_confidence": rules.minimumConfidence = try reader.probability(value, key)
            default: rules.minimumHistory = try reader.integer(value, key, minimum: 1)
            }
        }
        return rules
    }

    static func unbilledOrderRules(_ node: Node, reader: RuleSetReader) throws -> UnbilledOrderRules {
        var rules = UnbilledOrderRules()
        let known = ["received_not_billed_account", "delivered_not_invoiced_account", "fallback_expense_account", "fallback_income_account"]
        for (key, _, value) in try reader.entries(of: node, key: "adjustments.unbilled_orders", known: known) {
            let code = try reader.text(value, key)
            switch key.dropFirst("adjustments.unbilled_orders.".count) {
            case "received_not_billed_account": rules.receivedNotBilledCode = code
            case "delivered_not_invoiced_account": rules.deliveredNotInvoicedCode = code
            case "fallback_expense_account": rules.fallbackExpenseCode = code
            default: rules.fallbackIncomeCode = code
            }
        }
        return rules
    }
}
