public import Foundation
public import Ledger

/// The expense policy (the rule set's `expenses` section). Amounts are whole units of the company's
/// currency (decimals allowed); nil means no limit.
public struct ExpenseRules: Sendable, Codable, Hashable {
    /// An expense above this amount needs a receipt attached.
    public var receiptRequiredAbove: Decimal? = 25
    /// What one employee may claim for one day, all categories together.
    public var perDayLimit: Decimal? = 500
    /// What one expense report (a trip) may total.
    public var perReportLimit: Decimal? = 5000
    public var categoryLimits: [ExpenseLimit] = [ExpenseLimit(match: "FOOD", perExpense: 100), ExpenseLimit(match: "GIFT", perExpense: 50)]
    /// Two expenses of one employee and category are near-duplicates within this share of the larger amount …
    public var duplicateAmountTolerancePercent: Decimal = 5
    /// … and this many days apart.
    public var duplicateWindowDays = 3

    public init() {}

    /// The limits that apply to a category, in the rule set's order.
    public func limits(for category: ExpenseCategory) -> [ExpenseLimit] {
        categoryLimits.filter { category.isNamed($0.match) }
    }

    /// `amount` (whole units) as money of `currency`'s code and scale, rounded to its minor unit.
    public static func money(_ amount: Decimal, like currency: Money) -> Money {
        var scaled = amount * pow(10, currency.scale), rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        return Money(minorUnits: NSDecimalNumber(decimal: rounded).int64Value, currency: currency.currency, scale: currency.scale)
    }

    /// Whether two amounts are the same within the duplicate tolerance.
    public func amountsAlike(_ one: Money, _ other: Money) -> Bool {
        guard one.currency == other.currency else { return false }
        let larger = max(Swift.abs(one.minorUnits), Swift.abs(other.minorUnits))
        let tolerance = NSDecimalNumber(decimal: Decimal(larger) * duplicateAmountTolerancePercent / 100).int64Value
        return Swift.abs(one.minorUnits - other.minorUnits) <= tolerance
    }
}
