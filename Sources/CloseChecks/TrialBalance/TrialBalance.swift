public import Ledger

/// Per-account opening balance, period debits and credits, and closing balance, in the company
/// currency, from posted entries only (drafts and cancelled entries are not part of the books).
public struct TrialBalance: Sendable, Codable {
    public struct Row: Sendable, Codable, Hashable {
        public var accountID: Int
        public var code: String
        public var name: String
        public var type: AccountType
        public var opening: Money
        public var debit: Money
        public var credit: Money
        public var closing: Money
    }

    public var period: Period
    public var rows: [Row]
    public var totalDebit: Money
    public var totalCredit: Money

    /// Debits equal credits over the period (they must, for posted entries).
    public var isBalanced: Bool { totalDebit == totalCredit }

    /// Opening balances cover all posted history before the period that the snapshot holds; income
    /// and expense accounts restart at the fiscal year start, as Odoo's own trial balance does.
    public init(snapshot: LedgerSnapshot, period: Period) {
        let home = snapshot.company.currency
        let posted = Set(snapshot.moves.lazy.filter { $0.state == .posted }.map(\.id))
        let fiscalYearStart = FiscalYear.start(containing: period.start, company: snapshot.company)
        let accounts = Dictionary(snapshot.accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var opening: [Int: Int64] = [:], debit: [Int: Int64] = [:], credit: [Int: Int64] = [:]
        for line in snapshot.lines where posted.contains(line.moveID) && line.date <= period.end {
            if line.date >= period.start {
                debit[line.accountID, default: 0] += line.debit.minorUnits
                credit[line.accountID, default: 0] += line.credit.minorUnits
            } else if !(accounts[line.accountID]?.type.isProfitAndLoss ?? false) || line.date >= fiscalYearStart {
                opening[line.accountID, default: 0] += line.debit.minorUnits - line.credit.minorUnits
            }
        }
        let ids = Set(opening.keys).union(debit.keys).union(credit.keys)
        rows = ids.map { id in
            let account = accounts[id]
            let open = opening[id] ?? 0, dr = debit[id] ?? 0, cr = credit[id] ?? 0
            return Row(accountID: id, code: account?.code ?? "?", name: account?.name ?? "unknown account \(id)",
                       type: account?.type ?? AccountType(rawValue: "unknown"), opening: home.money(open), debit: home.money(dr),
                       credit: home.money(cr), closing: home.money(open + dr - cr))
        }.sorted { ($0.code, $0.accountID) < ($1.code, $1.accountID) }
        self.period = period
        totalDebit = home.money(rows.reduce(0) { $0 + $1.debit.minorUnits })
        totalCredit = home.money(rows.reduce(0) { $0 + $1.credit.minorUnits })
    }
}

/// Fiscal years as the company defines them (fiscalyear_last_month / _day).
public enum FiscalYear {
    /// The first day of the fiscal year that contains `date`.
    public static func start(containing date: LocalDate, company: Company) -> LocalDate {
        let (year, _, _) = date.components
        let month = company.fiscalYearEndMonth
        let endThisYear = LocalDate(year: year, month: month, day: min(company.fiscalYearEndDay, LocalDate.daysIn(month: month, year: year)))!
        let end = date <= endThisYear ? endThisYear.adding(months: -12) : endThisYear
        return end.adding(days: 1)
    }
}
