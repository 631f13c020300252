@testable import CloseChecks
import Foundation
import Ledger

/// A small hand-built ledger for check tests: a USD company locked at 2026-06-30, closing 2026-10.
struct CheckFixture {
    static let usd = Currency(id: 1, code: .usd)
    static let period = try! Period(parsing: "2026-10")
    static let asOf = LocalDate(iso: "2026-11-05")!

    enum Acc {
        static let bank = 1, suspense = 4, outstanding = 3, receivable = 6, payable = 11, sales = 18, cogs = 20, travel = 27
    }
    enum Jnl { static let sales = 1, purchases = 2, misc = 3, bank = 4 }

    var snapshot: LedgerSnapshot
    private var nextLineID = 1

    init() {
        snapshot = LedgerSnapshot(
            company: Company(id: 1, name: "Test Co", currency: Self.usd, lockDates: LockDates(fiscalYear: LocalDate(iso: "2026-06-30")!)),
            accounts: [
                Account(id: 1, code: "101401", name: "Bank", type: .bankAndCash),
                Account(id: 3, code: "101403", name: "Outstanding Payments", type: .currentAssets, reconcile: true),
                Account(id: 4, code: "101404", name: "Bank Suspense Account", type: .currentAssets),
                Account(id: 6, code: "121000", name: "Account Receivable", type: .receivable, reconcile: true),
                Account(id: 11, code: "211000", name: "Account Payable", type: .payable, reconcile: true),
                Account(id: 18, code: "400000", name: "Product Sales", type: .income),
                Account(id: 20, code: "500000", name: "Cost of Goods Sold", type: .costOfRevenue),
                Account(id: 27, code: "627000", name: "Travel", type: .expense),
            ],
            journals: [
                Journal(id: 1, code: "INV", name: "Customer Invoices", type: .sale),
                Journal(id: 2, code: "BILL", name: "Vendor Bills", type: .purchase),
                Journal(id: 3, code: "MISC", name: "Miscellaneous Operations", type: .general),
                Journal(id: 4, code: "BNK1", name: "Bank", type: .bank),
            ],
            partners: [Partner(id: 1, name: "Acme")],
            taxes: [Tax(id: 1, name: "10% Sales Tax", scope: .sale, rateBasisPoints: 1000),
                    Tax(id: 2, name: "10% Purchase Tax", scope: .purchase, rateBasisPoints: 1000)])
    }

    /// A line: positive amount is a debit, negative a credit.
    struct L {
        var account: Int
        var amount: Int64
        var partner: Int? = nil
        var analytic: AnalyticDistribution? = nil
        var taxes: [Int] = []
        var both: Int64 = 0
    }

    static let fullAnalytic = AnalyticDistribution([.init(accountIDs: [1], percent: 100)])

    /// Adds an entry; returns its id. Lines keep the (move id, id) order the context relies on.
    @discardableResult
    mutating func add(_ name: String, _ date: String, journal: Int = Jnl.misc, type: MoveType = .entry, state: MoveState = .posted,
                      created: String? = nil, partner: Int? = nil, _ lines: [L]) -> Int {
        let id = (snapshot.moves.map(\.id).max() ?? 0) + 1
        let day = LocalDate(iso: date)!
        let stamp = created.map { Timestamp(odoo: $0)! } ?? Timestamp(date: day, hour: 10)
        snapshot.moves.append(Move(id: id, name: name, state: state, type: type, date: day, journalID: journal, partnerID: partner,
                                   currencyID: 1, amountTotal: Self.usd.zero, amountResidual: Self.usd.zero,
                                   audit: RecordAudit(createdBy: nil, createdAt: stamp, writtenBy: nil, writtenAt: stamp)))
        for line in lines {
            snapshot.lines.append(JournalLine(
                id: nextLineID, moveID: id, date: day, accountID: line.account, partnerID: line.partner, label: "L\(nextLineID)",
                debit: Self.usd.money(max(line.amount, 0) + line.both), credit: Self.usd.money(max(-line.amount, 0) + line.both),
                currencyID: 1, analytic: line.analytic, taxIDs: line.taxes,
                // As in Odoo, an unmatched line on a reconcilable account is open for its whole balance.
                amountResidual: Self.usd.money(snapshot.accounts.contains { $0.id == line.account && $0.reconcile } ? line.amount : 0)))
            nextLineID += 1
        }
        return id
    }

    /// A balanced posted entry between bank and sales in the given journal.
    @discardableResult
    mutating func simple(_ name: String, _ date: String, journal: Int = Jnl.misc, state: MoveState = .posted, created: String? = nil) -> Int {
        add(name, date, journal: journal, state: state, created: created, [L(account: Acc.bank, amount: 1_000), L(account: Acc.sales, amount: -1_000)])
    }

    var rules = CheckRules()
    var context: CheckContext { CheckContext(snapshot: snapshot, period: Self.period, asOf: Self.asOf, rules: rules) }

    func run(_ id: String) -> [Finding] { CheckRegistry.check(id: id)!.run(context) }

    /// A ledger where every journal has a posted, clean entry in the period.
    static var clean: CheckFixture {
        var fixture = CheckFixture()
        fixture.add("INV/2026/00001", "2026-10-02", journal: Jnl.sales, [
            L(account: Acc.receivable, amount: 1_100, partner: 1), L(account: Acc.sales, amount: -1_000, taxes: [1]),
            L(account: Acc.bank, amount: -100)])
        fixture.add("BILL/2026/10/0001", "2026-10-03", journal: Jnl.purchases, [
            L(account: Acc.travel, amount: 500, analytic: fullAnalytic, taxes: [2]), L(account: Acc.payable, amount: -500, partner: 1)])
        fixture.simple("MISC/2026/10/0001", "2026-10-05")
        fixture.simple("MISC/2026/10/0002", "2026-10-06")
        fixture.simple("BNK1/2026/00001", "2026-10-07", journal: Jnl.bank)
        return fixture
    }
}
