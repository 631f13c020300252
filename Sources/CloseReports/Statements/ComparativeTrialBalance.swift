public import CloseChecks
public import Ledger

/// The period's trial balance with the comparatives the store can back: the prior period and the same
/// period last year, each present only when the pulled window starts on or before it (a comparative
/// built from a half-pulled month would mislead).
public struct ComparativeTrialBalance: Sendable, Codable {
    public var current: TrialBalance
    public var priorPeriod: TrialBalance?
    public var samePeriodLastYear: TrialBalance?

    public init(snapshot: LedgerSnapshot, period: Period, pulledFrom: LocalDate) {
        func ifPulled(_ comparative: Period) -> TrialBalance? {
            comparative.start >= pulledFrom ? TrialBalance(snapshot: snapshot, period: comparative) : nil
        }
        current = TrialBalance(snapshot: snapshot, period: period)
        priorPeriod = ifPulled(period.previous)
        samePeriodLastYear = ifPulled(period.advanced(by: -12))
    }

    /// The comparatives in column order, absent ones kept as nil so columns line up.
    public var comparatives: [TrialBalance?] { [priorPeriod, samePeriodLastYear] }

    /// A current row's closing balance in each comparative: zero where the account had none, nil where
    /// the comparative was not pulled.
    public func comparativeClosings(of row: TrialBalance.Row) -> [Money?] {
        let zero = Money.zero(row.closing.currency, scale: row.closing.scale)
        return comparatives.map { table in table.map { $0.rows.first { $0.accountID == row.accountID }?.closing ?? zero } }
    }
}
