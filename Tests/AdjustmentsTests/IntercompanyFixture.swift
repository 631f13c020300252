import Adjustments
import Ledger

/// Two small companies' books, written entry by entry: Alpha sells to Beta. Each company has the
/// other as a partner under its company name (as Odoo gives every company its partner).
struct IntercompanyFixture {
    static let usd = Currency(id: 1, code: .usd)
    static let accounts = [
        Account(id: 1, code: "121000", name: "Account Receivable", type: .receivable, reconcile: true),
        Account(id: 2, code: "211000", name: "Account Payable", type: .payable, reconcile: true),
        Account(id: 3, code: "400000", name: "Product Sales", type: .income),
        Account(id: 4, code: "500000", name: "Cost of Goods Sold", type: .costOfRevenue),
        Account(id: 5, code: "101401", name: "Bank", type: .bankAndCash),
    ]
    static let journals = [
        Journal(id: 1, code: "INV", name: "Customer Invoices", type: .sale), Journal(id: 2, code: "BILL", name: "Vendor Bills", type: .purchase),
        Journal(id: 3, code: "MISC", name: "Miscellaneous Operations", type: .general), Journal(id: 4, code: "BNK1", name: "Bank", type: .bank),
    ]
    static let period = try! Period(parsing: "2026-10")

    var snapshot: LedgerSnapshot

    init(id: Int, name: String, partners: [Partner], currency: Currency = usd, lockDates: LockDates = LockDates()) {
        snapshot = LedgerSnapshot(company: Company(id: id, name: name, currency: currency, lockDates: lockDates),
                                  accounts: Self.accounts, journals: Self.journals, partners: partners)
    }

    static func alpha() -> IntercompanyFixture {
        IntercompanyFixture(id: 1, name: "Alpha Ltd", partners: [Partner(id: 10, name: "Beta GmbH"), Partner(id: 11, name: "Gamma Corp")])
    }

    static func beta(lockDates: LockDates = LockDates()) -> IntercompanyFixture {
        IntercompanyFixture(id: 2, name: "Beta GmbH", partners: [Partner(id: 20, name: "ALPHA  ltd")], lockDates: lockDates)
    }

    /// A customer invoice (Dr receivable, Cr sales), without tax.
    mutating func invoice(_ name: String, _ date: String, partner: Int, _ cents: Int64) {
        post(name, date, journal: 1, type: .customerInvoice, partner: partner, ref: nil, lines: [(1, cents), (3, -cents)])
    }

    /// A vendor bill (Dr cost, Cr payable) quoting the vendor's invoice number.
    mutating func bill(_ name: String, _ date: String, partner: Int, _ cents: Int64, ref: String?) {
        post(name, date, journal: 2, type: .vendorBill, partner: partner, ref: ref, lines: [(4, cents), (2, -cents)])
    }

    /// Money received from (positive) or paid to (negative) a partner, settling its receivable or payable.
    mutating func payment(_ name: String, _ date: String, partner: Int, _ cents: Int64, ref: String) {
        let account = cents > 0 ? 1 : 2
        post(name, date, journal: 4, type: .entry, partner: partner, ref: ref, lines: [(5, cents), (account, -cents)])
    }

    mutating func post(_ name: String, _ date: String, journal: Int, type: MoveType, partner: Int, ref: String?, lines: [(account: Int, cents: Int64)]) {
        let currency = snapshot.company.currency
        let id = snapshot.moves.count + 1
        let day = LocalDate(iso: date)!
        let stamp = Timestamp(date: day, hour: 9)
        for line in lines {
            snapshot.lines.append(JournalLine(
                id: snapshot.lines.count + 1, moveID: id, date: day, accountID: line.account, partnerID: partner, label: name,
                debit: currency.money(max(line.cents, 0)), credit: currency.money(max(-line.cents, 0)), currencyID: currency.id))
        }
        let total = currency.money(lines.reduce(0) { $0 + max($1.cents, 0) })
        snapshot.moves.append(Move(id: id, name: name, state: .posted, type: type, date: day, journalID: journal, partnerID: partner, ref: ref,
                                   currencyID: currency.id, amountTotal: total, amountResidual: currency.zero,
                                   audit: RecordAudit(createdBy: nil, createdAt: stamp, writtenBy: nil, writtenAt: stamp)))
    }

    static func member(_ fixture: IntercompanyFixture, key: SourceKey, parent: SourceKey? = nil, partners: [SourceKey: [Int]] = [:]) -> IntercompanyMember {
        IntercompanyMember(key: key, snapshot: fixture.snapshot, parentKey: parent, partnersForMembers: partners)
    }

    static func money(_ cents: Int64) -> Money { usd.money(cents) }
}
