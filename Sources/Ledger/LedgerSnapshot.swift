/// Everything pulled for one company over a date window: reference data plus the entries.
/// Lines are kept flat (sorted by move, then id) because checks scan them in bulk.
public struct LedgerSnapshot: Sendable, Codable {
    public var company: Company
    public var currencies: [Currency]
    public var accounts: [Account]
    public var journals: [Journal]
    public var partners: [Partner]
    public var taxes: [Tax]
    public var moves: [Move]
    public var lines: [JournalLine]
    public var statementLines: [StatementLine]
    /// Order lines as of the pull (Odoo's reader keeps those of confirmed orders not yet fully invoiced).
    public var orderLines: [OrderLine]

    public init(company: Company, currencies: [Currency] = [], accounts: [Account] = [], journals: [Journal] = [],
                partners: [Partner] = [], taxes: [Tax] = [], moves: [Move] = [], lines: [JournalLine] = [], statementLines: [StatementLine] = [],
                orderLines: [OrderLine] = []) {
        self.company = company
        self.currencies = currencies.isEmpty ? [company.currency] : currencies
        self.accounts = accounts
        self.journals = journals
        self.partners = partners
        self.taxes = taxes
        self.moves = moves
        self.lines = lines
        self.statementLines = statementLines
        self.orderLines = orderLines
    }

    public var counts: LedgerCounts {
        LedgerCounts(accounts: accounts.count, journals: journals.count, partners: partners.count,
                     moves: moves.count, lines: lines.count, statementLines: statementLines.count)
    }
}

/// Record counts, as reported after a pull or by a source.
public struct LedgerCounts: Hashable, Sendable, Codable {
    public var accounts: Int
    public var journals: Int
    public var partners: Int
    public var moves: Int
    public var lines: Int
    public var statementLines: Int

    public init(accounts: Int = 0, journals: Int = 0, partners: Int = 0, moves: Int = 0, lines: Int = 0, statementLines: Int = 0) {
        self.accounts = accounts
        self.journals = journals
        self.partners = partners
        self.moves = moves
        self.lines = lines
        self.statementLines = statementLines
    }
}
