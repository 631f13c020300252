import Ledger
@testable import OdooLedger

/// Small hand-made Odoo states for the planner: one USD company, a bank journal (bank 101401,
/// suspense 101402), receivable 121000, payable 211000, transfer 101701, a fee account 627000.
enum BankReconciliationFixture {
    static let usd = Currency(id: 1, code: .usd)
    static let eur = Currency(id: 125, code: .eur)
    static let bank = 45, suspense = 47, transfer = 48, receivable = 7, payable = 16, fees = 30
    static let accounts: [Int: AccountFacts] = [
        bank: AccountFacts(id: bank, code: "101401", name: "Bank", accountType: "asset_cash", reconciles: false, deprecated: false),
        suspense: AccountFacts(id: suspense, code: "101402", name: "Bank Suspense Account", accountType: "asset_current", reconciles: false, deprecated: false),
        transfer: AccountFacts(id: transfer, code: "101701", name: "Liquidity Transfer", accountType: "asset_current", reconciles: true, deprecated: false),
        receivable: AccountFacts(id: receivable, code: "121000", name: "Account Receivable", accountType: "asset_receivable", reconciles: true, deprecated: false),
        payable: AccountFacts(id: payable, code: "211000", name: "Account Payable", accountType: "liability_payable", reconciles: true, deprecated: false),
        fees: AccountFacts(id: fees, code: "627000", name: "Bank Fees", accountType: "expense", reconciles: false, deprecated: false),
    ]
    static let company = CompanyFacts(id: 1, currency: usd, transferAccountID: transfer, lockDate: nil, lockName: "")

    static func date(_ day: Int, month: Int = 6) -> LocalDate { LocalDate(year: 2025, month: month, day: day)! }

    static func item(_ id: Int, move: Int, account: Int, cents: Int64, residual: Int64? = nil, currency: Currency = usd,
                     companyCents: Int64? = nil, partner: Int? = 9, reconciled: Bool = false, statementLine: Int? = nil,
                     state: String = "posted") -> JournalItemFacts {
        let facts = accounts[account]!
        let balance = companyCents ?? cents
        let open = residual ?? (facts.reconciles ? cents : 0)
        return JournalItemFacts(
            id: id, moveID: move, moveName: "MOVE/\(move)", moveState: state, date: date(1), accountID: account, accountCode: facts.code,
            accountType: facts.accountType, accountReconciles: facts.reconciles, partnerID: partner, companyID: 1, currencyID: currency.id,
            balance: usd.money(balance), amountCurrency: currency.money(cents),
            residual: usd.money(cents == 0 ? 0 : balance * open / cents), residualInCurrency: currency.money(open),
            reconciled: reconciled, matchingNumber: reconciled ? "A1" : nil, statementLineID: statementLine)
    }

    /// A fresh statement line: liquidity +amount, suspense -amount.
    static func statementLine(_ id: Int, cents: Int64, currency: Currency = usd, companyCents: Int64? = nil, day: Int = 5,
                              extraLines: [JournalItemFacts] = [], withSuspense: Bool = true) -> StatementLineFacts {
        let move = 1000 + id
        let balance = companyCents ?? cents
        var lines = [item(10 * id, move: move, account: bank, cents: cents, currency: currency, companyCents: balance, statementLine: id)]
        if withSuspense {
            lines.append(item(10 * id + 1, move: move, account: suspense, cents: -cents, currency: currency, companyCents: -balance, statementLine: id))
        }
        return StatementLineFacts(id: id, moveID: move, moveName: "BNK1/2025/\(id)", moveState: "posted", date: date(day), companyID: 1,
                                  journalName: "Bank", liquidityAccountID: bank, suspenseAccountID: suspense, paymentRef: "Payment \(id)",
                                  partnerID: 9, isReconciled: !withSuspense, residual: currency.money(withSuspense ? -cents : 0), lines: lines + extraLines)
    }

    static func facts(_ line: StatementLineFacts, items: [JournalItemFacts], transfers: [StatementLineFacts] = [],
                      company: CompanyFacts = company) -> BankReconciliationFacts {
        BankReconciliationFacts(statementLine: line, openItems: Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) }),
                                transferStatementLines: Dictionary(uniqueKeysWithValues: transfers.map { ($0.id, $0) }),
                                accounts: accounts, company: company)
    }

    static func match(_ line: Int, _ items: [Int], writeOff: Int64? = nil, currency: CurrencyCode = .usd) -> BankReconciliation {
        BankReconciliation(statementLineID: line, openItemLineIDs: items,
                           writeOff: writeOff.map { Money(minorUnits: $0, currency: currency) }, writeOffAccountID: writeOff == nil ? nil : fees,
                           writeOffLabel: writeOff == nil ? nil : "Bank fee", idempotencyKey: "test-\(line)")
    }
}
