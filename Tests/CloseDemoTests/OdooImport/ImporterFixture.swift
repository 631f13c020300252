import Ledger
import FoundationEssentials

/// A small hand-made company: an invoice with tax paid by a reconciled payment, a vendor bill, a
/// draft, a cancelled entry, a misc entry split over two analytic accounts, and an unreconciled EUR
/// bank statement line. Account codes mostly exist in Odoo 18's generic chart; two are new.
enum ImporterFixture {
    static let usd = Currency(id: 1, code: .usd, decimalPlaces: 2)
    static let eur = Currency(id: 2, code: .eur, decimalPlaces: 2)

    static func d(_ day: Int) -> LocalDate { LocalDate(year: 2025, month: 3, day: day)! }
    static func m(_ units: Int64) -> Money { usd.money(units) }

    static let accounts = [
        Account(id: 1, code: "101401", name: "Bank", type: .bankAndCash),
        Account(id: 2, code: "101402", name: "Bank Suspense Account", type: .currentAssets),
        Account(id: 3, code: "121000", name: "Account Receivable", type: .receivable, reconcile: true),
        Account(id: 4, code: "211000", name: "Account Payable", type: .payable, reconcile: true),
        Account(id: 5, code: "251000", name: "Tax Received", type: .currentLiabilities),
        Account(id: 6, code: "400000", name: "Product Sales", type: .income),
        Account(id: 7, code: "600000", name: "Expenses", type: .expense),
        Account(id: 8, code: "101405", name: "Bank EUR", type: .bankAndCash),
        Account(id: 9, code: "612100", name: "Consulting Fees", type: .expense),
    ]

    static let journals = [
        Journal(id: 1, code: "INV", name: "Customer Invoices", type: .sale, defaultAccountID: 6),
        Journal(id: 2, code: "BILL", name: "Vendor Bills", type: .purchase, defaultAccountID: 7),
        Journal(id: 3, code: "MISC", name: "Miscellaneous Operations", type: .general),
        Journal(id: 4, code: "BNK1", name: "Bank", type: .bank, defaultAccountID: 1),
        Journal(id: 5, code: "BNK9", name: "Bank EUR", type: .bank, defaultAccountID: 8, currencyID: 2),
    ]

    static let partners = [
        Partner(id: 1, name: "Acme Corp", bankAccounts: ["BE71096123456769"]),
        Partner(id: 2, name: "Globex Supplies"),
        Partner(id: 3, name: "Initech GmbH", bankAccounts: ["DE89370400440532013000"]),
    ]

    static let audit = RecordAudit(createdBy: nil, createdAt: Timestamp(date: d(1)), writtenBy: nil, writtenAt: Timestamp(date: d(1)))

    static func move(_ id: Int, _ name: String, _ state: MoveState, _ type: MoveType, day: Int, journal: Int, partner: Int? = nil,
                     currency: Currency = usd, total: Int64, residual: Int64 = 0, paymentState: PaymentState? = nil) -> Move {
        Move(id: id, name: name, state: state, type: type, date: d(day), invoiceDate: type.isInvoice ? d(day) : nil,
             dueDate: type.isInvoice ? d(day).adding(days: 30) : nil, journalID: journal, partnerID: partner, ref: "ref-\(id)",
             currencyID: currency.id, amountTotal: m(total), amountResidual: m(residual), paymentState: paymentState, audit: audit)
    }

    static func line(_ id: Int, move: Int, day: Int, account: Int, partner: Int? = nil, _ label: String, debit: Int64 = 0, credit: Int64 = 0,
                     currency: Currency = usd, inCurrency: Int64? = nil, analytic: AnalyticDistribution? = nil, taxes: [Int] = [],
                     matching: String? = nil, kind: LineKind? = nil) -> JournalLine {
        JournalLine(id: id, moveID: move, date: d(day), accountID: account, partnerID: partner, label: label, debit: m(debit), credit: m(credit),
                    amountCurrency: currency.money(inCurrency ?? (debit - credit)), currencyID: currency.id, analytic: analytic,
                    taxIDs: taxes, matchingNumber: matching, kind: kind)
    }

    static var snapshot: LedgerSnapshot {
        let company = Company(id: 1, name: "Closer Push Test Co", currency: usd, lockDates: LockDates(fiscalYear: LocalDate(year: 2025, month: 2, day: 28)))
        let moves = [
            move(1, "INV/2025/00001", .posted, .customerInvoice, day: 3, journal: 1, partner: 1, total: 110_000, paymentState: .paid),
            move(2, "BILL/2025/03/0001", .posted, .vendorBill, day: 5, journal: 2, partner: 2, total: 50_000, residual: 50_000, paymentState: .notPaid),
            move(3, "MISC/2025/03/0001", .posted, .entry, day: 10, journal: 3, partner: 1, total: 110_000),
            move(4, "/", .draft, .entry, day: 15, journal: 3, partner: 2, total: 5_000),
            move(5, "MISC/2025/03/0002", .posted, .entry, day: 20, journal: 3, total: 30_000),
            move(6, "BNK9/2025/00001", .posted, .entry, day: 25, journal: 5, partner: 3, currency: eur, total: 22_000),
            move(7, "/", .cancelled, .entry, day: 16, journal: 3, total: 1_000),
        ]
        let split = AnalyticDistribution([.init(accountIDs: [1], percent: 60), .init(accountIDs: [2], percent: 40)])
        let lines = [
            line(1, move: 1, day: 3, account: 6, partner: 1, "Widgets", credit: 100_000, taxes: [1], kind: .product),
            line(2, move: 1, day: 3, account: 5, partner: 1, "10% Sales Tax", credit: 10_000, kind: .tax),
            line(3, move: 1, day: 3, account: 3, partner: 1, "INV/2025/00001", debit: 110_000, matching: "A1", kind: .paymentTerm),
            line(4, move: 2, day: 5, account: 7, partner: 2, "Office chairs", debit: 50_000, kind: .product),
            line(5, move: 2, day: 5, account: 4, partner: 2, "BILL/2025/03/0001", credit: 50_000, kind: .paymentTerm),
            line(6, move: 3, day: 10, account: 1, partner: 1, "Payment Acme", debit: 110_000),
            line(7, move: 3, day: 10, account: 3, partner: 1, "INV/2025/00001", credit: 110_000, matching: "A1"),
            line(8, move: 4, day: 15, account: 7, partner: 2, "Accrual", debit: 5_000),
            line(9, move: 4, day: 15, account: 4, partner: 2, "Accrual", credit: 5_000),
            line(10, move: 5, day: 20, account: 9, "Consulting", debit: 30_000, analytic: split),
            line(11, move: 5, day: 20, account: 1, "Consulting", credit: 30_000),
            line(12, move: 6, day: 25, account: 8, partner: 3, "Initech refund", debit: 22_000, currency: eur, inCurrency: 20_000),
            line(13, move: 6, day: 25, account: 2, "Initech refund", credit: 22_000, currency: eur, inCurrency: -20_000),
            line(14, move: 7, day: 16, account: 7, "Cancelled", debit: 1_000),
            line(15, move: 7, day: 16, account: 1, "Cancelled", credit: 1_000),
        ]
        let statement = StatementLine(id: 1, moveID: 6, journalID: 5, date: d(25), paymentRef: "Initech refund", partnerID: 3,
                                      partnerName: "INITECH GMBH", accountNumber: "DE89370400440532013000", amount: eur.money(20_000),
                                      amountResidual: eur.money(20_000))
        return LedgerSnapshot(company: company, currencies: [usd, eur], accounts: accounts, journals: journals, partners: partners,
                              taxes: [Tax(id: 1, name: "10% Sales Tax", scope: .sale, rateBasisPoints: 1000)],
                              moves: moves, lines: lines, statementLines: [statement])
    }
}
