public import Ledger
import CloseChecks

/// The period's profit and loss by Odoo account family: each account's movement in the period, beside
/// the prior period and the same period last year.
public struct ProfitAndLoss: Sendable, Codable {
    public var income: StatementGroup
    public var expenses: StatementGroup
    /// Income − expenses: a profit is positive.
    public var result: ComparativeAmounts

    public init(_ balances: ComparativeTrialBalance, currency: Currency) {
        income = StatementGroup(.income, from: balances, currency: currency) { $0.debit - $0.credit }
        expenses = StatementGroup(.expense, from: balances, currency: currency) { $0.debit - $0.credit }
        result = income.total - expenses.total
    }

    public var groups: [StatementGroup] { [income, expenses] }

    /// Profit since the fiscal year's start: the closing balances of income and expense accounts, which restart there.
    static func yearToDate(_ balances: ComparativeTrialBalance, currency: Currency) -> ComparativeAmounts {
        StatementGroup(.income, from: balances, currency: currency, measure: \.closing).total
            - StatementGroup(.expense, from: balances, currency: currency, measure: \.closing).total
    }
}
