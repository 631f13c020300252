import Expenses
import Foundation
import Yams

extension RuleSet {
    static func expenseRules(_ node: Node, reader: RuleSetReader) throws -> ExpenseRules {
        var rules = ExpenseRules()
        let known = ["receipt_required_above", "per_day_limit", "per_report_limit", "categories", "duplicates"]
        for (key, _, value) in try reader.entries(of: node, key: "expenses", known: known) {
            switch key.dropFirst("expenses.".count) {
            case "receipt_required_above": rules.receiptRequiredAbove = try reader.decimal(value, key)
            case "per_day_limit": rules.perDayLimit = try limit(value, key, reader: reader)
            case "per_report_limit": rules.perReportLimit = try limit(value, key, reader: reader)
            case "categories": rules.categoryLimits = try categoryLimits(value, key: key, reader: reader)
            default:
                for (field, _, setting) in try reader.entries(of: value, key: key, known: ["amount_tolerance_percent", "window_days"]) {
                    if field.hasSuffix(".window_days") {
                        rules.duplicateWindowDays = try reader.integer(setting, field, maximum: 366)
                    } else {
                        rules.duplicateAmountTolerancePercent = try reader.decimal(setting, field)
                    }
                }
            }
        }
        return rules
    }

    /// A limit in whole units of the company's currency; 0 means none.
    private static func limit(_ node: Node, _ key: String, reader: RuleSetReader) throws -> Decimal? {
        let amount = try reader.decimal(node, key)
        return amount == 0 ? nil : amount
    }

    private static func categoryLimits(_ node: Node, key: String, reader: RuleSetReader) throws -> [ExpenseLimit] {
        guard let items = node.sequence else {
            throw reader.fail(node, key, "must be a list of limits, e.g. [{match: FOOD, per_expense: 100, per_day: 150}]")
        }
        var limits: [ExpenseLimit] = []
        for item in items {
            var limit = ExpenseLimit(match: "")
            for (field, _, value) in try reader.entries(of: item, key: key, known: ["match", "per_expense", "per_day"]) {
                switch field.dropFirst(key.count + 1) {
                case "match": limit.match = try reader.text(value, field)
                case "per_expense": limit.perExpense = try Self.limit(value, field, reader: reader)
                default: limit.perDay = try Self.limit(value, field, reader: reader)
                }
            }
            guard !limit.match.isEmpty else {
                throw reader.fail(item, key, "each limit needs match: the category's internal reference, product name or product category")
            }
            limits.append(limit)
        }
        return limits
    }
}
