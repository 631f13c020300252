import CloseChecks
public import Ledger

/// One family of accounts on a statement (assets, income, …): each account's amount in its natural
/// direction (credit − debit for liabilities, equity and income), with comparatives, and the total.
public struct StatementGroup: Sendable, Codable {
    public struct Row: Sendable, Codable {
        public var accountID: Int
        public var code: String
        public var name: String
        public var type: AccountType
        public var amounts: ComparativeAmounts
    }

    public var family: AccountFamily
    public var rows: [Row]
    public var total: ComparativeAmounts

    /// `measure` reads the debit − credit figure the statement shows off a trial-balance row (the closing
    /// balance for the balance sheet, the period's movement for the profit and loss).
    init(_ family: AccountFamily, from balances: ComparativeTrialBalance, currency: Currency, measure: (TrialBalance.Row) -> Money) {
        let tables = [balances.current] + balances.comparatives
        let sign: Int64 = family == .asset || family == .expense ? 1 : -1
        var accounts: [Int: TrialBalance.Row] = [:]
        var figures: [Int: [Int: Int64]] = [:]   // account → column → natural amount
        for (column, table) in tables.enumerated() {
            for row in table?.rows ?? [] where AccountFamily(row.type) == family {
                accounts[row.accountID] = accounts[row.accountID] ?? row
                figures[row.accountID, default: [:]][column] = sign * measure(row).minorUnits
            }
        }
        func amounts(_ byColumn: (Int) -> Int64) -> ComparativeAmounts {
            ComparativeAmounts(columns: tables.indices.map { column in tables[column] == nil ? nil : currency.money(byColumn(column)) })
        }
        self.family = family
        rows = accounts.values.sorted { ($0.code, $0.accountID) < ($1.code, $1.accountID) }.map { account in
            Row(accountID: account.accountID, code: account.code, name: account.name, type: account.type,
                amounts: amounts { figures[account.accountID]?[$0] ?? 0 })
        }
        total = amounts { column in figures.values.reduce(0) { $0 + ($1[column] ?? 0) } }
    }
}
