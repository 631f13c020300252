public import Foundation

/// A limit for one expense category (the rule set's `expenses.categories`), in whole units of the
/// company's currency: per expense, and per employee and day.
public struct ExpenseLimit: Sendable, Codable, Hashable {
    /// The category's internal reference, product name or product category name.
    public var match: String
    public var perExpense: Decimal?
    public var perDay: Decimal?

    public init(match: String, perExpense: Decimal? = nil, perDay: Decimal? = nil) {
        self.match = match
        self.perExpense = perExpense
        self.perDay = perDay
    }
}
