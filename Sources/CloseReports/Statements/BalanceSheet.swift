import CloseChecks
public import Ledger

/// The balance sheet at the period's end by Odoo account family, with comparatives. Like Odoo's, it
/// carries the profit and loss not yet closed into equity as two lines, so that it balances:
/// assets = liabilities + equity + current-year result + earlier years' result.
public struct BalanceSheet: Sendable, Codable {
    public var assets: StatementGroup
    public var liabilities: StatementGroup
    public var equity: StatementGroup
    /// Profit since the fiscal year's start (income and expense accounts restart there).
    public var currentYearResult: ComparativeAmounts
    /// Profit of pulled history before the fiscal year's start that no entry has closed into equity.
    public var earlierYearsResult: ComparativeAmounts
    public var totalLiabilitiesAndEquity: ComparativeAmounts
    /// Assets − (liabilities + equity + results): zero when the books foot; anything else points at
    /// unbalanced posted entries or accounts of a type neither statement knows.
    public var difference: ComparativeAmounts

    public init(_ balances: ComparativeTrialBalance, snapshot: LedgerSnapshot) {
        let currency = snapshot.company.currency
        assets = StatementGroup(.asset, from: balances, currency: currency, measure: \.closing)
        liabilities = StatementGroup(.liability, from: balances, currency: currency, measure: \.closing)
        equity = StatementGroup(.equity, from: balances, currency: currency, measure: \.closing)
        currentYearResult = ProfitAndLoss.yearToDate(balances, currency: currency)
        earlierYearsResult = Self.earlierYearsResult(balances, snapshot: snapshot)
        totalLiabilitiesAndEquity = liabilities.total + equity.total + currentYearResult + earlierYearsResult
        difference = assets.total - totalLiabilitiesAndEquity
    }

    public var groups: [StatementGroup] { [assets, liabilities, equity] }

    /// Credit − debit of posted income and expense lines dated before each column's fiscal year, in one pass.
    static func earlierYearsResult(_ balances: ComparativeTrialBalance, snapshot: LedgerSnapshot) -> ComparativeAmounts {
        let tables = [balances.current] + balances.comparatives
        let yearStarts = tables.map { $0.map { FiscalYear.start(containing: $0.period.start, company: snapshot.company) } }
        let posted = Set(snapshot.moves.lazy.filter { $0.state == .posted }.map(\.id))
        let profitAndLoss = Set(snapshot.accounts.lazy.filter(\.type.isProfitAndLoss).map(\.id))
        var sums = [Int64](repeating: 0, count: tables.count)
        for line in snapshot.lines where profitAndLoss.contains(line.accountID) && posted.contains(line.moveID) {
            for (column, start) in yearStarts.enumerated() where start.map({ line.date < $0 }) ?? false {
                sums[column] += line.credit.minorUnits - line.debit.minorUnits
            }
        }
        return ComparativeAmounts(columns: yearStarts.indices.map { yearStarts[$0] == nil ? nil : snapshot.company.currency.money(sums[$0]) })
    }
}
