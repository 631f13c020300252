import CloseSettings
import Expenses
import Foundation
import Testing

/// The rule set's `expenses` section: the built-in values are the type's defaults, a file changes what it
/// names (0 is no limit), and a bad value names its key and what to write.
@Suite struct ExpenseRuleSetTests {
    func parse(_ yaml: String) throws -> ExpenseRules {
        try RuleSet(origin: "rules.yaml", bytes: Data("schema_version: 1\nexpenses:\n\(yaml)".utf8)).expenses
    }

    func failure(_ yaml: String) -> String {
        do { _ = try parse(yaml); return "parsed" } catch { return String(describing: error) }
    }

    @Test func theBuiltInValuesAreTheDefaultsAndAFileChangesWhatItNames() throws {
        #expect(RuleSet.builtIn.expenses == ExpenseRules())
        let rules = try parse("  per_day_limit: 0\n  receipt_required_above: 10.50\n  categories:\n    - {match: Mileage, per_day: 80}\n"
                              + "  duplicates:\n    window_days: 7\n")
        #expect(rules.perDayLimit == nil && rules.receiptRequiredAbove == Decimal(string: "10.50") && rules.perReportLimit == ExpenseRules().perReportLimit)
        #expect(rules.categoryLimits == [ExpenseLimit(match: "Mileage", perDay: 80)])
        #expect(rules.duplicateWindowDays == 7 && rules.duplicateAmountTolerancePercent == ExpenseRules().duplicateAmountTolerancePercent)
    }

    @Test func aBadValueNamesItsKey() {
        #expect(failure("  per_day_limit: lots\n").contains("expenses.per_day_limit"))
        #expect(failure("  categories:\n    - {per_expense: 100}\n").contains("each limit needs match"))
        #expect(failure("  categories: FOOD\n").contains("must be a list of limits"))
        #expect(failure("  duplicates:\n    window: 3\n").contains("expenses.duplicates.window"))
    }
}
